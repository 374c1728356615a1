"""Greets visitors at the door: one session per opening of the shop."""
import asyncio
import os
from typing import Callable, Iterable

from avatarkit import AvatarKit, SpeakRequest

DEFAULT_LINES = ("Good morning, welcome in!", "Fresh bread is on the left.")


async def open_shop(
    show: Callable[[str, str], object], lines: Iterable[str] = DEFAULT_LINES
) -> str:
    async with AvatarKit() as kit:
        session = await kit.create_session(os.environ["GREETER_AVATAR"])
        show(session.url, session.access_token)
        try:
            for line in lines:
                await kit.speak(SpeakRequest(session_id=session.session_id, text=line))
        finally:
            await kit.close_session(session.session_id)
    return session.session_id


if __name__ == "__main__":
    asyncio.run(open_shop(lambda url, token: print(url, token[:12] + "...")))
