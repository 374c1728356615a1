"""The town hall as the organiser's run sheet drives it."""

import e2e_support
from townhall.avatar import TownHallHost

host = TownHallHost()
room = host.open()
e2e_support.viewer.join(room["url"], room["token"])
host.read("Welcome to the quarterly town hall. First item: the new office.")
host.answer("When does the new office open?")
host.close()
