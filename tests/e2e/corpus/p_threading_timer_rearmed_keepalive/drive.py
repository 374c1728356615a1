"""The booth screen: a visitor walks up, a quiet moment (one idle ping), then goodbye."""

import time

import e2e_support
from idle_avatar import BoothAvatar

booth = BoothAvatar()
url, token = booth.start()
e2e_support.viewer.join(url, token)
booth.say("Hi! Come closer and ask me about our robots.")
booth.listen()
time.sleep(3.0)  # nobody says anything for a while
booth.unlisten()
booth.say("Thanks for stopping by!")
booth.stop()
assert booth.pings == 1, booth.pings
