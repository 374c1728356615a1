import e2e_support
from kbadmin.concierge import Concierge
from kbadmin.knowledge import KnowledgeBases

kbs = KnowledgeBases()
old = kbs.create("spring-promo", "Spring promo: 20% off spa.", "Ask me about the spa.")
assert any(kb["id"] == old for kb in kbs.list())

bot = Concierge()
room = bot.open()
e2e_support.viewer.join(room["url"], room["token"])
bot.ask("When is breakfast?")
bot.hush()
bot.ask("And checkout?")
bot.close()

again = Concierge()
again.open()
again.close()

kbs.delete(old)
names = [kb["name"] for kb in kbs.list()]
assert names == ["miramar-concierge"], names
