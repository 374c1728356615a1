"""The museum guide agent: its tools drive the streaming avatar on the gallery screen."""
from __future__ import annotations

from typing import Any

from pai_lite import Agent, RunContext

from .deps import GuideDeps

guide = Agent("museum-guide", deps_type=GuideDeps, system_prompt="You are a friendly museum guide.")


@guide.tool
async def show_avatar(ctx: RunContext[GuideDeps]) -> dict[str, Any]:
    """Bring the guide avatar on screen; returns where to watch."""
    r = await ctx.deps.http.post(
        "/v1/streaming.new", json={"avatar_id": ctx.deps.avatar_id, "quality": "medium", "version": "v2"}
    )
    r.raise_for_status()
    data = r.json()["data"]
    ctx.deps.session_id = data["session_id"]
    r = await ctx.deps.http.post("/v1/streaming.start", json={"session_id": data["session_id"]})
    r.raise_for_status()
    return {"watch_url": data["url"], "watch_token": data["access_token"]}


@guide.tool
async def narrate(ctx: RunContext[GuideDeps], text: str) -> str:
    """Say `text` exactly."""
    r = await ctx.deps.http.post(
        "/v1/streaming.task", json={"session_id": ctx.deps.session_id, "text": text, "task_type": "repeat"}
    )
    r.raise_for_status()
    return "ok"


@guide.tool
async def stop_talking(ctx: RunContext[GuideDeps]) -> str:
    r = await ctx.deps.http.post("/v1/streaming.interrupt", json={"session_id": ctx.deps.session_id})
    r.raise_for_status()
    return "ok"


@guide.tool
async def hide_avatar(ctx: RunContext[GuideDeps]) -> str:
    r = await ctx.deps.http.post("/v1/streaming.stop", json={"session_id": ctx.deps.session_id})
    r.raise_for_status()
    ctx.deps.session_id = None
    return "ok"
