from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable

import aiohttp

from .avatar import AvatarRoom, Overlay

STOP = object()


async def run(events: asyncio.Queue, show: Callable[[AvatarRoom], Awaitable[None]]) -> list[str]:
    handled: list[str] = []
    async with aiohttp.ClientSession() as http:
        overlay = Overlay(http)
        await show(await overlay.open())
        while True:
            event: Any = await events.get()
            if event is STOP:
                break
            kind = event["type"]
            if kind == "follow":
                await overlay.shout(f"Thanks for the follow, {event['user']}!")
            elif kind == "raid":
                await overlay.shout(f"{event['user']} is raiding with {event['viewers']} viewers!")
            elif kind == "quiet":
                await overlay.quiet()
            handled.append(kind)
        await overlay.close()
    return handled
