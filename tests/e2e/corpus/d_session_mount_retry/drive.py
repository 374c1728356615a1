"""The kiosk's main loop, as the touch-screen front end drives it."""

import logging

import e2e_support
from museum_guide import MuseumGuide

logging.basicConfig(level=logging.DEBUG)
guide = MuseumGuide()
room = guide.open()
e2e_support.viewer.join(room["url"], room["token"])
guide.greet("Ada")
guide.ping()
guide.answer("Who painted the water lilies in room four?")
guide.hush()
guide.close()
assert guide.session_id is None
