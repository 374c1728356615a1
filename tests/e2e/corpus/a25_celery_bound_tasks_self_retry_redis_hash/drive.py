"""The web tier enqueues the room jobs and waits for their results (eager worker in dev)."""

import e2e_support
from avatar_tasks.store import store
from avatar_tasks.tasks import close_avatar_room, open_avatar_room, speak_in_room

room = open_avatar_room.delay("showroom-3").get(timeout=60)
e2e_support.viewer.join(room["livekit_url"], room["livekit_token"])
assert store.hgetall("avatar:showroom-3")["session_id"]
assert (
    speak_in_room.delay("showroom-3", "Welcome! Our specialist will be with you shortly.").get()
    is True
)
assert speak_in_room.delay("showroom-3", "Feel free to look around.").get() is True
assert close_avatar_room.delay("showroom-3").get() is True
assert close_avatar_room.delay("showroom-3").get() is False
