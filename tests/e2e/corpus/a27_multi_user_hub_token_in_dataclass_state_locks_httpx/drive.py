"""Two users in turn: each opens an avatar, has it speak, and leaves."""

import asyncio
import os

import e2e_support
from hub.service import AvatarHub


async def main() -> None:
    hub = AvatarHub()
    for user, line in [
        ("u-17", "Hello Maya, your report is ready."),
        ("u-42", "Hi Omar, two meetings today."),
    ]:
        url, token = await hub.open(user, os.environ["HUB_AVATAR"])
        e2e_support.viewer.join(url, token)
        await hub.say(user, line)
        await hub.close(user)
    assert not hub.sessions
    await hub.aclose()


asyncio.run(main())
