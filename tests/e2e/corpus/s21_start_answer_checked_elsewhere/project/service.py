"""Greets a visitor: opens a session, checks that it started, speaks, and hands out the room."""

import logging

from avatar_client import StreamingAvatar

log = logging.getLogger(__name__)


class StartFailed(Exception):
    pass


def greet(visitor):
    avatar = StreamingAvatar()
    session = avatar.new()
    answer = avatar.start(session["session_id"])
    if answer.get("code") != 100:
        raise StartFailed(answer.get("message", "unknown error"))
    log.info("session %s started", session["session_id"])
    return avatar, session


def say_hello(avatar, session, visitor):
    return avatar.say(session["session_id"], f"Hello {visitor}, welcome to the showroom.")
