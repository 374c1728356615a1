"""The widget backend starts, a customer arrives, the service shuts down."""

import asyncio

import e2e_support
from avatarpool.pool import WarmPool, on_shutdown

pool = WarmPool(size=2)
pool.fill()
room = pool.lease("customer-17")
e2e_support.viewer.join(room["server"], room["token"])
assert pool.busy() == 2
pool.say("customer-17", "Hi! Thanks for waiting.")
pool.say("customer-17", "My order has not arrived.", answer=True)
assert asyncio.run(on_shutdown(pool)) == 2
