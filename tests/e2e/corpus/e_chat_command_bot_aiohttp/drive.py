"""Messages typed in one channel."""

import asyncio

import bot
import e2e_support


class Channel:
    def __init__(self, guild_id):
        self.guild_id = guild_id
        self.replies = []

    async def send(self, text, **extra):
        self.replies.append((text, extra))


async def main():
    ch = Channel("guild-42")
    await bot.on_message(ch, "!avatar start")
    _text, extra = ch.replies[-1]
    e2e_support.viewer.join(extra["url"], extra["token"])
    await bot.on_message(ch, "!avatar say Hello everyone, I am the server avatar.")
    await bot.on_message(ch, "!avatar ask what games are popular this week?")
    await bot.on_message(ch, "!avatar hush")
    await bot.on_message(ch, "!avatar listen")
    await bot.on_message(ch, "!avatar mute")
    await bot.on_message(ch, "hello there")  # not a command
    await bot.on_message(ch, "!avatar stop")
    assert ch.replies[-1][0] == "Avatar stopped.", ch.replies
    assert all("failed" not in r[0] for r in ch.replies), ch.replies


asyncio.run(main())
