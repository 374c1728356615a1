"""The kiosk's main loop with a scripted visitor."""

import e2e_support
import kiosk

session = kiosk.open_session()
e2e_support.viewer.join(session.url, session.access_token)
with kiosk.Heartbeat(session, interval=3600):
    kiosk.say(session, "Hello! Tap the screen to start.")
    kiosk.say(session, "The museum closes at six today.")
kiosk.close_session(session)
