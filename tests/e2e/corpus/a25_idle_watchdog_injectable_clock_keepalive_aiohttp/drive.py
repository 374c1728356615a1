"""The guide app: its scheduler lets time pass between exhibits and ticks the watchdog."""

import asyncio

import e2e_support
from narrator.tour import Tour

now = [1000.0]


def clock() -> float:
    return now[0]


async def on_ready(url: str, token: str) -> None:
    e2e_support.viewer.join(url, token)


async def scheduler(watchdog) -> None:
    now[0] += 90  # visitors linger at the exhibit
    assert await watchdog.tick() is False
    now[0] += 60
    assert await watchdog.tick() is True


pings = asyncio.run(
    Tour(["Welcome to the dinosaur hall.", "This is a T. rex skull."], on_ready, clock).run(
        scheduler
    )
)
assert pings == 2
