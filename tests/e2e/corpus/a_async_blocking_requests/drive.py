import asyncio

from avatar_agent import AvatarAgent
from e2e_support import viewer


async def run():
    agent = AvatarAgent()
    stream = await agent.start()
    viewer.join(stream["url"], stream["token"])
    await agent.on_llm_response("Sure, I booked a table for two at eight.")
    agent.interrupt()
    await agent.on_user_message("Actually, make it three people.")
    await agent.stop()


asyncio.run(run())
