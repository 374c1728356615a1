"""The rundown through the backend AVATAR_BACKEND selects; the stage screen joins the room."""

import asyncio

import e2e_support
from showrunner.show import play

RUNDOWN = [
    ("say", "Good evening and welcome."),
    ("hold", ""),
    ("say", "Tonight: the harbour festival."),
    ("cut", ""),
    ("say", "Back to the studio."),
]

spoken = asyncio.run(
    play(RUNDOWN, on_room=lambda room: e2e_support.viewer.join(room.url, room.token))
)
assert spoken == 3, spoken
