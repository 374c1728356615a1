"""The kiosk's loop for one visitor: open the room, show it, greet, close."""

import asyncio

import e2e_support
from kiosk.lobby import Lobby


async def main() -> None:
    lobby = Lobby()
    room = await lobby.open()
    e2e_support.viewer.join(room["url"], room["token"])
    await lobby.greet("Ada")
    await lobby.close()


asyncio.run(main())
