"""The lobby screen: open the concierge, show it, greet, close."""

import asyncio

import e2e_support
from concierge_ai.avatar import AvatarClient
from concierge_ai.credentials import default_provider


async def main() -> None:
    client = AvatarClient(default_provider())
    room = await client.open()
    e2e_support.viewer.join(room.url, room.access_token)
    await client.say(room, "Good evening, how may I help you?")
    await client.close(room)


asyncio.run(main())
