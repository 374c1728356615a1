from __future__ import annotations

from typing import Awaitable, Callable

from .client import GuideAvatar
from .settings import GuideSettings

BOOTH_SCRIPT = [
    "Welcome to booth 12, the home of quiet heat pumps.",
    "Our new model runs at 28 decibels.",
]


async def run_visit(show: Callable[[dict[str, str]], Awaitable[None]]) -> list[str]:
    avatar = GuideAvatar(GuideSettings())
    tasks: list[str] = []
    try:
        await show(await avatar.start())
        for line in BOOTH_SCRIPT:
            tasks.append(await avatar.say(line))
    finally:
        await avatar.stop()
        await avatar.aclose()
    return tasks
