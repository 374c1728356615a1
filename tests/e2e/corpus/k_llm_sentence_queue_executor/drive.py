import asyncio

import e2e_support
from voicebot.app import ShopAssistant


async def main():
    bot = ShopAssistant()
    url, token = await bot.open()
    e2e_support.viewer.join(url, token)
    await bot.on_user_text("hello")
    await bot.on_user_text("shoes?")
    await bot.on_user_speaking()
    await bot.hang_up()


asyncio.run(main())
