"""The booth screen runs one visit and shows the guide."""

import asyncio

import e2e_support
from guide.visit import run_visit


async def show(room: dict) -> None:
    e2e_support.viewer.join(room["server"], room["token"])


tasks = asyncio.run(run_visit(show))
assert len(tasks) == 2 and all(tasks), tasks
