import e2e_support
from avatar.kv import kv
from avatar.service import HostService

svc = HostService()
s = svc.open_room("blue")
e2e_support.viewer.join(s["url"], s["token"])
assert svc.answer("blue", "What is a codemod?").startswith("Good question")
assert svc.sweep() == 1
svc.close_room("blue")
assert kv.keys("room:*") == []
