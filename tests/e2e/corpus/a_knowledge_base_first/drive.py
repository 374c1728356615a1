import kb_bootstrap
from e2e_support import viewer

kb_id = kb_bootstrap.ensure_knowledge_base("Bike shop FAQ")
assert kb_id, "no knowledge base id"
assert kb_bootstrap.ensure_knowledge_base("Bike shop FAQ") == kb_id  # second call finds it
session = kb_bootstrap.start_chat_session(kb_id)
viewer.join(session["url"], session["access_token"])
kb_bootstrap.ask(session["session_id"], "Do you repair carbon frames?")
kb_bootstrap.ask(session["session_id"], "How much is a tune-up?")
kb_bootstrap.end(session["session_id"])
