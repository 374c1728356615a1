"""The check-in screen: open, greet, two questions, close."""

import e2e_support
from avatar.service import Concierge

c = Concierge()
room = c.open()
e2e_support.viewer.join(room["url"], room["token"])
assert c.greet("Ms. Rivera")
assert c.answer("What time is breakfast served?")
c.answer("Is there a gym?")
c.close()
