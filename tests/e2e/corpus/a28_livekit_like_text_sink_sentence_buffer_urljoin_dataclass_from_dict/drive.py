"""A job starts, the agent streams two replies into the avatar, the user barges in, shutdown."""

import asyncio

import e2e_support
from agents_lite import AgentSession, JobContext
from heygen_plugin import AvatarSession


async def main() -> None:
    ctx = JobContext("lobby-3")
    session = AgentSession()
    avatar = AvatarSession(keepalive_interval=3600)
    await avatar.start(session, ctx)
    e2e_support.viewer.join(avatar.info.url, avatar.info.access_token)
    await session.generate_reply("Hello there! I can help you book a table. What time suits you?")
    session.interrupt()
    await asyncio.sleep(0.2)
    await avatar.keep_alive()
    await session.generate_reply("Seven it is.")
    await ctx.shutdown()


asyncio.run(main())
