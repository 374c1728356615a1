"""The lobby screen opens the desk, shows the avatar, greets a visitor and closes."""

import e2e_support
from concierge.desk import Desk

desk = Desk()
url, token = desk.open()
e2e_support.viewer.join(url, token)
desk.greet("Ada")
desk.close()
