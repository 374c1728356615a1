"""The desk's agent console: open the avatar, show it, say two lines, close it."""

import os

import e2e_support
from desk import avatar

session = avatar.open_session(os.environ["DESK_AVATAR"])
e2e_support.viewer.join(session["url"], session["access_token"])
avatar.say(session["session_id"], "Hello, I am the help-desk assistant.")
avatar.say(session["session_id"], "Your ticket has been received.")
avatar.close(session["session_id"])
