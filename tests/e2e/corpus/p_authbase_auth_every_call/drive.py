"""The kiosk shell opens the avatar, shows the room and reads the welcome lines."""

import e2e_support
from avatar_kiosk import KioskAvatar

kiosk = KioskAvatar()
room = kiosk.open()
e2e_support.viewer.join(room["url"], room["token"])
kiosk.say("Welcome to the museum.")
assert kiosk.ping()
kiosk.say("The dinosaur hall is on your left.")
kiosk.hush()
kiosk.close()
assert kiosk.session_id is None
