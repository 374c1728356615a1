import asyncio

import e2e_support
from bot import create_bot
from dc import Author, Channel, Message

GENERAL = Channel(1, "general")
SUPPORT = Channel(2, "support")
ALICE = Author(10, "Alice")
BOB = Author(20, "Bob")


async def main():
    bot = await create_bot()
    cog = bot.cogs["AvatarCog"]

    async def post(channel, author, text):
        await bot.process_commands(Message(text, channel, author))

    await post(GENERAL, ALICE, "!avatar high")
    await post(SUPPORT, BOB, "!avatar")
    # each channel's embed shows its own room
    for channel in (GENERAL, SUPPORT):
        room = cog.avatars[channel.id]
        e2e_support.viewer.join(room.url, room.access_token)
    await post(GENERAL, ALICE, "!say Welcome to the general channel")
    await post(SUPPORT, BOB, "!ask How do I reset my password?")
    await post(SUPPORT, BOB, "!listen")
    await post(SUPPORT, BOB, "!mute")
    await post(GENERAL, ALICE, "!bye")
    await post(GENERAL, ALICE, "!say anyone there?")
    # unloading the cog closes the remaining channel's session
    await bot.remove_cog("AvatarCog")
    assert not cog.avatars
    print(GENERAL.sent)
    print(SUPPORT.sent)


asyncio.run(main())
