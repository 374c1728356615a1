"""A virtual open house, as the listing page starts it."""

import asyncio

import e2e_support
from tourbot.tour import run_tour

asyncio.run(
    run_tour(
        rooms=["This is the open-plan kitchen.", "Upstairs are three bedrooms."],
        questions=["Is there a garage?"],
        on_room=lambda url, token: e2e_support.viewer.join(url, token),
    )
)
