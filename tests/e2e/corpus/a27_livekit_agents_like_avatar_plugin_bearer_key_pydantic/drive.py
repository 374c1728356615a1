"""An agent worker joins a room; the LLM's replies become speech; the room closes."""

import asyncio
import os

import e2e_support
from heygen_avatar import AvatarSession
from voice_agents import AgentSession, Room


async def main() -> None:
    room = Room("support-room-7")
    agent = AgentSession(instructions="You are a friendly support agent.")
    avatar = AvatarSession(avatar_id=os.environ["HEYGEN_AVATAR_ID"])
    await avatar.start(agent, room=room)
    e2e_support.viewer.join(*avatar.viewer_credentials())
    await agent.say("Hi! I'm Shawn, how can I help today?")
    await agent.say("Let me look that up for you.")
    await avatar.wait_idle()
    await room.disconnect()
    await avatar.aclose()


asyncio.run(main())
