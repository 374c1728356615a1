"""The open-house tour itself."""
from __future__ import annotations

import os
from typing import Callable, Iterable

import aiohttp

from .avatar import avatar_session


async def run_tour(
    rooms: Iterable[str],
    questions: Iterable[str],
    on_room: Callable[[str, str], None],
) -> None:
    headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(headers=headers, timeout=timeout) as http, avatar_session(
        http,
        os.environ.get("TOUR_AVATAR_ID", "Anna_public_3_20240108"),
        knowledge_base_id=os.environ.get("TOUR_KB_ID"),
    ) as handle:
        on_room(handle.url, handle.access_token)
        for line in rooms:
            await handle.say(line)
            await handle.ping()
        for question in questions:
            await handle.ask(question)
        await handle.listen()
