"""Feed two subtitle lines, wait until spoken, cut the avatar off, close."""

import e2e_support
from speaker import Speaker

sp = Speaker()
room = sp.open()
e2e_support.viewer.join(room["url"], room["access_token"])
sp.run_in_background()
sp.feed("Good morning, and welcome to the keynote.")
sp.feed("Please silence your phones.")
sp.wait_idle()
sp.interrupt()
sp.close()
assert sp.errors == 0
