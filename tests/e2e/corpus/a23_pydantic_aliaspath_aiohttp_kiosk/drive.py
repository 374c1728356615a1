"""A visitor scans two tags; the kiosk screen shows the guide."""

import asyncio

import e2e_support
from kiosk.tour import visit

session_id = asyncio.run(
    visit(
        ["astrolabe", "loom"],
        e2e_support.viewer.join,
        skip_after="You are looking at the Jacquard loom.",
    )
)
assert session_id
print("visit", session_id)
