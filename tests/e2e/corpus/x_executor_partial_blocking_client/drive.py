"""Three chat messages arrive while the avatar is on screen."""

import asyncio

import avatar_bot
import e2e_support

asyncio.run(
    avatar_bot.serve(
        ["/say Hi, I'm the support avatar.", "How do I reset my password?", "/stop"],
        e2e_support.viewer.join,
    )
)
