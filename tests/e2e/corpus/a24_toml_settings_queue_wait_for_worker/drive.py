"""Three platform announcements with a quiet spell after the first; the station screen watches."""

import asyncio

import e2e_support
from announcer.worker import announce_all

lines = [
    "The 9:40 to Leeds departs from platform 4.",
    "The 9:52 to York is delayed by five minutes.",
    "Please mind the gap.",
]
spoken = asyncio.run(announce_all(lines, e2e_support.viewer.join, pause=0.9))
assert spoken == lines
