import sys

sys.path.insert(0, "src")  # what `pip install -e .` does for a src layout

import e2e_support
from lobby_kiosk import KioskAvatar, greet_visitor

kiosk = KioskAvatar.from_env()
creds = kiosk.open()
e2e_support.viewer.join(creds["url"], creds["access_token"])
greet_visitor(kiosk, "Sam", host="Priya")
kiosk.listen()
kiosk.interrupt()
kiosk.stop_listening()
kiosk.ping()
kiosk.close()
