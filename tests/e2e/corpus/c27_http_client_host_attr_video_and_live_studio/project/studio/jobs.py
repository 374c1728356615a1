"""Jobs run by the render box: render a clip, then present its script live."""
import os
import re
import time

from .client import Studio


def _sentences(script):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", script) if s.strip()]


def render_and_present(script, title="Daily briefing", poll_every=0.05, max_polls=20):
    studio = Studio()
    avatar = os.environ["STUDIO_AVATAR"]
    voice = studio.voices()[0]["voice_id"]
    video_id = studio.render(title, script, "Daniel_public_20240108", voice)
    for _ in range(max_polls):
        st = studio.status(video_id)
        if st["status"] in ("completed", "failed"):
            break
        time.sleep(poll_every)
    room = studio.go_live(avatar)
    return studio, room, st


def present(studio, room, script):
    said = 0
    for sentence in _sentences(script):
        studio.narrate(room.session_id, sentence)
        said += 1
    if not studio.ping(room.session_id):
        raise RuntimeError("session died while presenting")
    return said
