"""A short bulletin: the wire and the editor each push headlines; the anchor reads them."""

import asyncio

import e2e_support
from newsdesk.bulletin import Bulletin


async def main() -> None:
    bulletin = Bulletin()
    room = await bulletin.go_live()
    e2e_support.viewer.join(room["url"], room["access_token"])
    await bulletin.run(
        wire=["Markets open higher.", "Rain expected tonight."],
        desk=["Breaking: the bridge reopens at noon."],
    )


asyncio.run(main())
