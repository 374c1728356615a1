import asyncio
import os

import e2e_support
from avatars import get_provider


async def main() -> None:
    provider = get_provider()
    assert provider.name == "heygen"
    room = await provider.open(os.environ["AVATAR_ID"], quality="medium")
    e2e_support.viewer.join(room.server_url, room.token)
    await provider.say(room, "Welcome to the open day.")
    await provider.say(room, "The tour starts in five minutes.")
    await provider.close(room)


asyncio.run(main())
