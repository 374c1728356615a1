"""Event hooks of the door greeter: the door sensor framework calls them."""
from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from .face import Face

log = logging.getLogger("greeter")

ScreenFn = Callable[[str, str], object]


class DoorGreeter:
    """on_start when the shop opens, on_visitor per visitor, on_stop when it closes."""

    def __init__(self, screen: ScreenFn) -> None:
        self.screen = screen
        self.face: Face | None = None
        self.greeted = 0

    async def on_start(self) -> None:
        self.face = Face(os.environ.get("GREETER_AVATAR_ID", "Anna_public_3_20240108"))
        info = await self.face.show()
        self.screen(info["url"], info["access_token"])

    async def on_visitor(self, name: str | None) -> None:
        assert self.face is not None
        self.greeted += 1
        line = f"Welcome back, {name}!" if name else "Hello, and welcome to the shop!"
        result: Any = await self.face.speak(line)
        log.debug("greeted visitor %d: %r", self.greeted, result)

    async def on_stop(self) -> None:
        if self.face is not None:
            await self.face.hide()
            self.face = None


async def run_day(visitors: list[str | None], screen: ScreenFn) -> int:
    greeter = DoorGreeter(screen)
    await greeter.on_start()
    try:
        for visitor in visitors:
            await greeter.on_visitor(visitor)
    finally:
        await greeter.on_stop()
    return greeter.greeted
