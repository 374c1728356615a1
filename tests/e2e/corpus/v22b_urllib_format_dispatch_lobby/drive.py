"""The lobby screen's announcement run."""

import os

import e2e_support
from lobby import HeyGenSession

with HeyGenSession(os.environ["LOBBY_AVATAR"]) as s:
    e2e_support.viewer.join(*s.room)
    s.say("Good morning and welcome to the lobby.")
    s.interrupt()
    s.ping()
    s.say("The conference starts in hall B at nine.")
assert s.session_id is None
