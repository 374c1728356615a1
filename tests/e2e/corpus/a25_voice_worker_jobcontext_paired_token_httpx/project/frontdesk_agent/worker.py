from __future__ import annotations

from voicekit import AgentSession, JobContext, WorkerOptions

from .avatar import HeyGenAvatarOutput

SESSIONS: dict[str, AgentSession] = {}


async def entrypoint(ctx: JobContext) -> None:
    await ctx.connect()
    session = AgentSession(instructions="You are the front desk of Hotel Aurora.")
    avatar = HeyGenAvatarOutput()
    url, token = await avatar.start()
    await ctx.room.local_participant.set_attributes({"heygen.url": url, "heygen.token": token})
    session.add_output(avatar)
    ctx.add_shutdown_callback(avatar.aclose)
    SESSIONS[ctx.room.name] = session
    await session.say("Good evening, welcome to Hotel Aurora.", allow_interruptions=False)


opts = WorkerOptions(entrypoint_fnc=entrypoint, agent_name="frontdesk")
