"""Present the slides with --keep, as the operator does before Q&A: the OBS page then joins
from the room file, the operator says one more line and closes the session."""

import asyncio
import os
from pathlib import Path

import e2e_support
import present

assert present.main(["present.py"]) == 1  # no slides given: usage
sid = asyncio.run(present.run("slides.txt", kb=os.environ["PRESENTER_KB"], keep=True))
url, token = Path("room.txt").read_text(encoding="utf-8").split()
e2e_support.viewer.join(url, token)  # the OBS browser source
present.speak(sid, "Let's move on to questions.")
present.stop_session(sid)
