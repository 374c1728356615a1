import e2e_support
from desk import desk, kb

kb_id = desk.setup_kb()
s = desk.open_desk(kb_id)
e2e_support.viewer.join(s["url"], s["token"])
desk.ask("My laptop will not boot.")
desk.barge_in()
desk.caller_turn(start=True)
desk.caller_turn(start=False)
desk.ask("How many vacation days do I have?")
summary = desk.close_desk()
assert summary.startswith("2 turns"), summary
kb.delete(kb_id)
