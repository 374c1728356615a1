import asyncio
from collections.abc import Callable

from .avatar import LobbyAvatar


async def lobby(greetings: list[str], screen: Callable[[str, str], object]) -> None:
    avatar = LobbyAvatar()
    url, token = await avatar.open()
    screen(url, token)
    try:
        for line in greetings:
            await avatar.greet(line)
            await asyncio.sleep(0)
    finally:
        await avatar.close()
