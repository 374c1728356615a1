"""The kiosk's screen opens a session, shows the room, greets and closes."""

import e2e_support
from kiosk.sessions import KioskSessions

kiosk = KioskSessions()
session = kiosk.open()
e2e_support.viewer.join(session["room"], session["token"])
kiosk.say(session["id"], "Welcome to the lobby.")
kiosk.close(session["id"])
