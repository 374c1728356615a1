"""Yesterday's run left a session open; today the wall cleans up, opens, answers, closes."""

import e2e_support
import wall

leftover = wall.open_wall()  # the session the crashed run never closed
assert wall.close_stale() == 1
session = wall.open_wall()
e2e_support.viewer.join(session["url"], session["access_token"])
wall.announce(session["session_id"], "Ask me anything about your order.")
wall.answer(session["session_id"], "How long does shipping take?")
wall.heartbeat(session["session_id"])
assert wall.stop(session["session_id"])
