"""The crew's agent uses the tools in order; the showroom screen joins the room."""

import json

import e2e_support
from showroom.tools import CloseShowroomAvatar, OpenShowroomAvatar, PresentCar

room = json.loads(OpenShowroomAvatar().run())
e2e_support.viewer.join(room["url"], room["token"])
assert PresentCar().run(pitch="Meet the new Roadster: 0 to 100 in 3 seconds.") == "done"
assert PresentCar().run(pitch="Ask me about financing.") == "done"
assert CloseShowroomAvatar().run() == "closed"
