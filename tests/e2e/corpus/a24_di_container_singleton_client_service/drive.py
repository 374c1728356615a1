"""A visitor at reception: the service comes from the container, the lobby screen joins."""

import asyncio

import e2e_support
from reception.container import build_container


async def main() -> None:
    container = build_container()
    service = container.avatar()
    room = await service.begin()
    e2e_support.viewer.join(room["livekit_url"], room["client_token"])
    await service.say("Welcome! Please sign in at the desk.")
    await service.end()
    await container.http().aclose()


asyncio.run(main())
