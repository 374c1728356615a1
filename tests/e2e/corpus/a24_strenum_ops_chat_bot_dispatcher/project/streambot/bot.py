"""Chat bot: commands from chat are routed to the co-host by a handler table."""
from __future__ import annotations

import os
from collections.abc import Awaitable, Callable

import aiohttp

from .avatar import CoHost

Command = Callable[[CoHost, str], Awaitable[None]]


async def _say(host: CoHost, arg: str) -> None:
    await host.read_out(arg)


async def _skip(host: CoHost, arg: str) -> None:
    await host.skip()


async def _ping(host: CoHost, arg: str) -> None:
    await host.heartbeat()


COMMANDS: dict[str, Command] = {"!say": _say, "!skip": _skip, "!ping": _ping}


async def run_stream(chat: list[str], on_live: Callable[[str, str], object]) -> int:
    handled = 0
    async with aiohttp.ClientSession() as http:
        host = CoHost(http)
        url, token = await host.go_live(os.environ.get("STREAMBOT_AVATAR", "Anna_public_3_20240108"))
        on_live(url, token)
        try:
            for message in chat:
                name, _, arg = message.partition(" ")
                command = COMMANDS.get(name)
                if command is None:
                    continue  # ordinary chat
                await command(host, arg)
                handled += 1
        finally:
            await host.sign_off()
    return handled
