import e2e_support
from admin_console import Console

console = Console()
voice = console.first_voice()
kb = console.create_kb("faq", "Answer questions about our opening hours.", "Hi, ask me anything.")
assert [k.name for k in console.list_kbs()] == ["faq"]
live = console.go_live(kb, voice)
e2e_support.viewer.join(live["url"], live["access_token"])
console.chat(live["session_id"], "When do you open?")
console.stop(live["session_id"])
console.delete_kb(kb.id)
assert console.list_kbs() == []
console.close()
