"""The concierge kernel at check-in: open, the lobby screen joins, greet, keep alive, close."""

import asyncio
import json

import aiohttp
import e2e_support
from concierge.avatar_plugin import AvatarPlugin
from sk_lite import Kernel, KernelArguments


async def main() -> None:
    async with aiohttp.ClientSession() as http:
        kernel = Kernel()
        kernel.add_plugin(AvatarPlugin(http), plugin_name="avatar")
        room = json.loads(str(await kernel.invoke("avatar", "open")))
        e2e_support.viewer.join(room["url"], room["token"])
        await kernel.invoke("avatar", "say", KernelArguments(text="Welcome to the Grand Hotel."))
        await kernel.invoke("avatar", "keep_alive")
        await kernel.invoke("avatar", "say", KernelArguments(text="Breakfast is served until ten."))
        assert str(await kernel.invoke("avatar", "close")) == "closed"


asyncio.run(main())
