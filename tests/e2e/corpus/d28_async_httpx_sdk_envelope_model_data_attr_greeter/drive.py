"""The shop opens: the door screen joins the room, two greetings, the session closes."""

import asyncio

import e2e_support
import greeter

session_id = asyncio.run(greeter.open_shop(e2e_support.viewer.join))
assert session_id
