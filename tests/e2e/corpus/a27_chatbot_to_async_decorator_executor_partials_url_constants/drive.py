"""Messages arrive in a channel; the bot runs its commands."""

import asyncio

import e2e_support
from streambot.bot import bot


async def main() -> None:
    replies = []
    reply = replies.append
    await bot.handle("#stage", "!live", reply)
    room = bot.rooms["#stage"]
    e2e_support.viewer.join(room["url"], room["token"])
    await bot.handle("#stage", "!say Welcome to the launch stream!", reply)
    await bot.handle("#stage", "!shush", reply)
    await bot.handle("#stage", "!say Questions go in the chat.", reply)
    await bot.handle("#stage", "!end", reply)
    assert replies[0].startswith("live:"), replies
    assert replies[-1] == "ended", replies


asyncio.run(main())
