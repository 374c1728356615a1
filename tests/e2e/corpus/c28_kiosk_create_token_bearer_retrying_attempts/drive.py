import os

import e2e_support
from kiosk.app import visitor_turn
from kiosk.heygen import KioskSession

with KioskSession(os.environ["KIOSK_AVATAR"]) as kiosk:
    e2e_support.viewer.join(kiosk.room_url, kiosk.room_token)
    kiosk.speak("Welcome to the maritime museum.")
    visitor_turn(kiosk, "Where is the lighthouse lens?", barge_in=True)
    visitor_turn(kiosk, "When do you close?")
