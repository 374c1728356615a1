"""The shop's door sensor handler: a customer walks in."""

import e2e_support
from greeter import Greeter

g = Greeter()
url, token = g.connect()
e2e_support.viewer.join(url, token)
g.greet("Welcome to Corner Books!")
g.greet("Today all poetry is 20% off.")
g.keep_alive()
g.disconnect()
