"""One caller asks about a refill; the bot answers twice, keeps the session alive once."""

import asyncio

import e2e_support
from voicebot.bot import PharmacyBot


async def tts(text):
    for n in (80, 40):
        yield e2e_support.audio_chunk(n, seed=len(text) + n)
        await asyncio.sleep(0)


async def main() -> None:
    bot = PharmacyBot(tts, keepalive_every=3600)
    e2e_support.viewer.join(*await bot.connect())
    await bot.turn("Hello, this is Greenleaf pharmacy. How can I help?")
    # The socket stand-in records `stop_listening` when it reads it, the REST stand-in the
    # keep-alive when it arrives: a pause between them keeps the trace's order the program's.
    await asyncio.sleep(0.2)
    bot.nudge_keep_alive()
    await asyncio.sleep(0.2)
    await bot.turn("Your refill will be ready tomorrow after ten.")
    await bot.hang_up()


asyncio.run(main())
