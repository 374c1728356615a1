"""The ops agent's scripted run: open, show, speak, hush, close."""

import asyncio

import e2e_support
from avatar_ops.gateway import AvatarGateway
from avatar_ops.tools import TOOLS


async def main() -> None:
    gw = AvatarGateway()
    try:
        room = await TOOLS["open_avatar"](gw)
        e2e_support.viewer.join(room["url"], room["access_token"])
        assert await TOOLS["say"](gw, "Deployment 42 finished without errors.") == "ok"
        assert await TOOLS["hush"](gw) == "ok"
        assert await TOOLS["close_avatar"](gw) == "ok"
    finally:
        await gw.aclose()


asyncio.run(main())
