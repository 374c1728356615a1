"""The station display: announcements through the pipeline, the screen joins the room."""

import asyncio

import e2e_support
from pipeline import announce

session_id = asyncio.run(
    announce(
        ["Platform two: the 8:15 is delayed.", "<cut>", "The 8:15 now leaves from platform four."],
        on_room=lambda room: e2e_support.viewer.join(room.livekit_url, room.viewer_token),
    )
)
assert session_id
