"""The kiosk front end: two users take avatars, a third is refused, the pool is shut down."""

import e2e_support
from kiosk.pool import PoolExhausted, pool

ana = pool.acquire("ana")
assert pool.acquire("ana") is ana
e2e_support.viewer.join(ana.url, ana.access_token)
assert ana.say("Hello Ana, what are you looking for today?", task_type="repeat")
ana.say("Which floor is the pharmacy on?")

ben = pool.acquire("ben")
e2e_support.viewer.join(ben.url, ben.access_token)
ben.say("Hi Ben.", task_type="repeat")
try:
    pool.acquire("cy")
except PoolExhausted:
    pass
else:
    raise AssertionError("the pool should be full")

assert pool.ping_all() == 2
pool.release("ana")
assert not ana.alive
pool.shutdown()
assert not ben.alive
