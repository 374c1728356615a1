"""Use the bot the way its README shows: connect, let the frontend join, talk, close."""

import asyncio

import e2e_support
from bot import VoiceBot


async def main():
    bot = VoiceBot()
    info = await bot.connect()
    # the web page embeds the LiveKit room with what connect() handed out
    e2e_support.viewer.join(info["url"], info["access_token"])
    await bot.say("Good morning, I am Anna.")
    await bot.say("Ask me anything about your order.")
    await bot.heartbeat()
    await bot.disconnect()


asyncio.run(main())
