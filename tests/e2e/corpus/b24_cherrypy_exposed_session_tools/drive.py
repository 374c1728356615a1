"""A visitor's browser: start, the player page connects, a question, stop."""

import e2e_support
from avatar_site import application

site = application()
assert site.handle("GET", "/player")[0] == 404
status, started = site.handle("GET", "/start")
assert status == 200, started
assert site.handle("GET", "/start") == (200, started)  # the session keeps the room
status, player = site.handle("GET", "/player")
assert status == 200, player
e2e_support.viewer.join(player["livekit_url"], player["livekit_token"])
status, asked = site.handle("POST", "/ask", {"question": "What are the opening hours?"})
assert status == 200, asked
assert site.handle("GET", "/stop") == (200, {"stopped": True})
assert site.handle("GET", "/stop") == (200, {"stopped": False})
