"""A town hall: opening words, a question, the moderator cuts in, closing words."""

import asyncio

import e2e_support
from townhall.moderator import Moderator


async def main() -> None:
    mod = Moderator()
    stream = await mod.open()
    e2e_support.viewer.join(stream["server_url"], stream["token"])
    mod.announce("Welcome to the March town hall.")
    await mod.idle()
    mod.answer("When does the new library open?")
    await mod.idle()
    mod.cut()
    await mod.idle()
    mod.announce("That's all for tonight, thank you.")
    await mod.idle()
    await mod.close()


asyncio.run(main())
