import asyncio
import os

from avatar_cog import AvatarCog
from dc import Bot


async def create_bot():
    bot = Bot(command_prefix=os.getenv("BOT_PREFIX", "!"))
    await bot.add_cog(AvatarCog(bot))
    return bot


if __name__ == "__main__":
    asyncio.run(create_bot())
