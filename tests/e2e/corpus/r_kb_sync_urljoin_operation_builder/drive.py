import e2e_support
from bakery import knowledge
from bakery.avatar import BakeryAvatar

kb_id = knowledge.ensure_kb(
    "Rosie's Bakery FAQ",
    prompt="You answer questions about Rosie's Bakery. We open at 7am and close at 6pm.",
    opening="Hi, welcome to Rosie's! What can I get you?",
)
same_id = knowledge.ensure_kb(
    "Rosie's Bakery FAQ",
    prompt="You answer questions about Rosie's Bakery. We open at 7am and close at 7pm on Fridays.",
    opening="Hi, welcome to Rosie's! What can I get you?",
)
assert same_id == kb_id, (same_id, kb_id)
assert "7pm" in knowledge.get_kb(kb_id)["prompt"]

bot = BakeryAvatar(kb_id)
room = bot.open()
e2e_support.viewer.join(room["url"], room["access_token"])
bot.ask("When do you close on Friday?")
bot.close()

knowledge.delete_kb(kb_id)
assert all(kb["id"] != kb_id for kb in knowledge.list_kbs())
