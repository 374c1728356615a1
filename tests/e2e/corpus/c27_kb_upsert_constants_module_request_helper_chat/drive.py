import e2e_support
from concierge import knowledge
from concierge.desk import Desk

FACTS = {"breakfast": "7 to 10", "checkout": "noon"}

kb, how = knowledge.sync_kb("grand-budapest", FACTS)
assert how == "created", how
kb2, how = knowledge.sync_kb("grand-budapest", {**FACTS, "pool": "closed"})
assert how == "updated" and kb2.id == kb.id

desk = Desk(kb2)
room = desk.open()
e2e_support.viewer.join(room["url"], room["token"])
desk.ask("When is breakfast?")
desk.ask("Is the pool open?")
desk.close()
knowledge.retire(kb2)
assert knowledge.find("grand-budapest") is None
