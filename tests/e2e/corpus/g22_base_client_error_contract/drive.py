"""What the help-desk page does: start a session, show it, say a line, stop."""

import os

import e2e_support
from desk import views

status, body = views.start(os.environ["AVATAR_ID"])
assert status == 200, body
e2e_support.viewer.join(body["url"], body["token"])
views.say(body["session_id"], "How can I help?")
views.stop(body["session_id"])
