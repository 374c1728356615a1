"""A visitor wakes the kiosk, taps two paintings, walks away."""

import e2e_support
from gallery import Kiosk

kiosk = Kiosk()
e2e_support.viewer.join(*kiosk.wake())
kiosk.describe("harbour")
kiosk.idle()
kiosk.describe("orchard")
kiosk.sleep()
