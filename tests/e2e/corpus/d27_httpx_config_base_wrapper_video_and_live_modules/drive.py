"""Render the chapter as a video, then narrate it live (the screen joins the room)."""

from e2e_support import viewer
from narrator.live import Narration
from narrator.videos import render

LINES = ["Chapter one.", "It was a bright cold day in April."]

assert render(" ".join(LINES)) == "completed"
narration = Narration()
url, token = narration.start()
viewer.join(url, token)
narration.read(LINES)
narration.finish()
