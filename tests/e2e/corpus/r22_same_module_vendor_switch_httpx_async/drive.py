"""A chat-ops channel: start, the viewer opens the Meet link, a few lines, stop."""

import asyncio
from urllib.parse import parse_qs, urlparse

import e2e_support
from bot import AvatarBot


async def main():
    bot = AvatarBot()
    reply = await bot.handle("start")
    assert reply.startswith("watch: "), reply
    query = parse_qs(urlparse(reply[len("watch: ") :]).query)
    e2e_support.viewer.join(query["liveKitUrl"][0], query["token"][0])
    assert await bot.handle("say 'Standup starts in five minutes'") == "ok"
    assert await bot.handle("ping") == "still here"
    assert await bot.handle("ask 'What is on the agenda today?'") == "asked"
    assert await bot.handle("hush") == "hushed"
    assert await bot.handle("stop") == "bye"


asyncio.run(main())
