"""Runs the flow locally, with the audience screen as the room notifier."""

import asyncio

import e2e_support
from flows import product_demo

product_demo.notify_room = e2e_support.viewer.join
spoken = asyncio.run(
    product_demo.product_demo(["Meet the Aurora lamp.", "It lasts twelve hours on a charge."])
)
assert spoken == 2, spoken
