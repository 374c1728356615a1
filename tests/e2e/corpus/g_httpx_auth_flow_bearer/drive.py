"""The lobby kiosk as its display loop drives it."""

import e2e_support
from avatar_kiosk.kiosk import LobbyKiosk

kiosk = LobbyKiosk.from_env()
room = kiosk.open()
e2e_support.viewer.join(room.url, room.token)
kiosk.announce("Welcome to the Hartley building.")
kiosk.heartbeat()
kiosk.announce("Visitors please sign in at the front desk.")
kiosk.cut()
kiosk.close()
