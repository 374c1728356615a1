"""Signage jobs: open a screen's avatar, speak lines (chained), close it."""
import logging

import requests

from . import heygen
from .celeryapp import app

log = logging.getLogger(__name__)


@app.task(bind=True, name="signage.open_screen", autoretry_for=(requests.ConnectionError,), max_retries=3)
def open_screen(self, avatar_id):
    data = heygen.create_session(avatar_id)
    log.info("screen open (attempt %d): %s", self.request.retries + 1, data["session_id"])
    return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}


@app.task(name="signage.speak")
def speak(room, text):
    heygen.say(room["session_id"], text)
    return room


@app.task(name="signage.close_screen")
def close_screen(room):
    heygen.stop(room["session_id"])
    return room["session_id"]


def playlist(room, lines):
    """speak(line1) | speak(line2) | ... | close_screen(): each step gets the room from the last."""
    first, *rest = lines
    workflow = speak.s(room, first)
    for line in rest:
        workflow = workflow | speak.s(line)
    return workflow | close_screen.s()
