"""The lobby screen booting the kiosk for one visitor, then shutting it down."""

import e2e_support
from kiosk import Kiosk

kiosk = Kiosk.boot()
e2e_support.viewer.join(kiosk.livekit_url, kiosk.viewer_token)
kiosk.greet()
kiosk.answer("Where is the conference room?")
kiosk.shutdown()
assert not kiosk.alive
