from __future__ import annotations

from typing import Awaitable, Callable

from .runtime import conversation
from .tools import AvatarRoom, hush, show_avatar, speak


async def handle(user: str, questions: list[str], show: Callable[[AvatarRoom], Awaitable[None]]) -> int:
    async with conversation(user) as state:
        await show(await show_avatar())
        await speak(f"Hi {state['user']}, I'm reading your ticket now.")
        await hush()
        for question in questions:
            await speak(f"About '{question}': a colleague will follow up by email.")
        return len(questions)
