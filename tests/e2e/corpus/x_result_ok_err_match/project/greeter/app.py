"""Door greeter: opens a session, greets each badge scan, closes. Errors are values."""
from __future__ import annotations

import logging
import os

from . import heygen
from .result import Err, Ok, unwrap

log = logging.getLogger(__name__)


def open_room(http):
    match heygen.create_session(http, os.getenv("GREETER_AVATAR", "Anna_public_3_20240108")):
        case Ok(value=session):
            pass
        case Err(error=msg, status=status):
            log.error("could not create session: %s (%s)", msg, status)
            return None
    unwrap(heygen.start_session(http, session["session_id"]))
    return session


def greet_all(names, on_room):
    with heygen.client() as http:
        session = open_room(http)
        if session is None:
            return 1
        on_room(session["url"], session["access_token"])
        failures = 0
        for name in names:
            res = heygen.say(http, session["session_id"], f"Welcome, {name}!")
            if isinstance(res, Err):
                log.warning("greeting %s failed: %s", name, res.error)
                failures += 1
        match heygen.stop_session(http, session["session_id"]):
            case Err(error=msg):
                log.warning("stop failed: %s", msg)
            case Ok():
                log.info("session closed")
        return failures
