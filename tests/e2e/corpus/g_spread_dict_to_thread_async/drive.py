"""One help-desk conversation, as the chat frontend drives the bot."""

import asyncio

import e2e_support
from helpdesk.bot import HelpdeskBot


async def conversation() -> None:
    bot = HelpdeskBot()
    room = await bot.connect()
    e2e_support.viewer.join(room["url"], room["token"])
    await bot.greet("Hello, I'm the IT help desk. How can I help?")
    await bot.reply("My laptop will not connect to the VPN.")
    await bot.barge_in()
    await bot.reply("I already restarted it.")
    await bot.hang_up()


asyncio.run(conversation())
