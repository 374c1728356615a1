"""The kiosk wakes up (the screen joins), greets a visitor, goes back to sleep."""

from e2e_support import viewer
from heygen_live import LiveAvatarClient
from kiosk import Kiosk

with LiveAvatarClient() as client:
    kiosk = Kiosk(client)
    room = kiosk.wake()
    viewer.join(room["server"], room["token"])
    kiosk.greet()
    kiosk.sleep()
