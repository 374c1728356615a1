"""The kiosk opens the manager as a context, shows the room and greets visitors from two threads."""

import threading

import e2e_support
from session_manager import AvatarSessionManager

with AvatarSessionManager.from_ini("avatar.ini") as mgr:
    e2e_support.viewer.join(mgr.room["url"], mgr.room["token"])
    assert mgr.greet()
    worker = threading.Thread(target=mgr.heartbeat)
    worker.start()
    worker.join()
    assert mgr.say("Please take a badge.")
assert mgr.session_id is None
