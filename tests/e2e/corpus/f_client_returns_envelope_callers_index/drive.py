"""The hotel concierge desk: open, greet, answer, close."""

import e2e_support
from concierge import Concierge

desk = Concierge()
room = desk.open()
e2e_support.viewer.join(room["url"], room["token"])
desk.greet("Good evening and welcome to the hotel.")
desk.answer("When is breakfast served?")
desk.answer("Is there a gym?")
desk.close()
