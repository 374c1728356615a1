"""A short shop day: two visitors, the door screen shows the greeter."""

import asyncio

import e2e_support
from greeter.hooks import run_day

greeted = asyncio.run(run_day(["Maya", None], e2e_support.viewer.join))
assert greeted == 2
