"""Voice agent worker with a HeyGen avatar as its face.

    python agent.py dev
"""
import logging

from agentkit import Agent, AgentSession, JobContext

import heygen_avatar

logging.basicConfig(level=logging.INFO)

AVATARS = {}  # room name -> its avatar, so the worker can wait for it on shutdown


class Receptionist(Agent):
    def __init__(self):
        super().__init__(instructions="You are the front desk of a dental clinic. Keep answers short.")


async def entrypoint(ctx: JobContext):
    await ctx.connect()
    session = AgentSession()
    avatar = heygen_avatar.AvatarSession(quality="medium")
    await avatar.start(session, room=ctx.room)
    AVATARS[ctx.room.name] = avatar
    await session.start(agent=Receptionist(), room=ctx.room)
