import os
from collections.abc import Callable, Sequence

import httpx

from .session import SessionClient
from .voice import Tts, converse


async def serve_car(lines: Sequence[str], tts: Tts, screen: Callable[[str, str], object]) -> int:
    async with httpx.AsyncClient(timeout=20) as http:
        client = SessionClient(http)
        link = await client.open(os.environ.get("DRIVETHRU_AVATAR", "Anna_public_3_20240108"))
        screen(link.room_url, link.room_token)
        try:
            return await converse(link, lines, tts)
        finally:
            await client.close(link)
