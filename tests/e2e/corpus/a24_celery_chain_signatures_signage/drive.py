"""The morning playlist on screen 3: open, the screen joins, a chain of lines, close."""

import os

import e2e_support
from signage.tasks import open_screen, playlist

room = open_screen.delay(os.environ["SIGNAGE_AVATAR"]).get()
e2e_support.viewer.join(room["url"], room["token"])
closed = (
    playlist(room, ["Good morning!", "Today's special: oat flat white.", "Have a great day."])
    .apply_async()
    .get()
)
assert closed == room["session_id"]
