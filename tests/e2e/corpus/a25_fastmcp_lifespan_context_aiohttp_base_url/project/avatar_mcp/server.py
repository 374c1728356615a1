"""MCP server exposing a streaming avatar to desktop assistants.

Run with ``python -m avatar_mcp.server``; the assistant calls ``open_avatar`` first and shows
the returned room in its side panel.
"""
from __future__ import annotations

import json
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Literal

import aiohttp

from mcplite import Context, FastMCP, ToolError

from .config import AVATAR_ID, HEYGEN_HOST, HEYGEN_KEY, KNOWLEDGE_BASE_ID


@dataclass
class AvatarAppContext:
    http: aiohttp.ClientSession
    live: dict[str, dict[str, Any]] = field(default_factory=dict)


@asynccontextmanager
async def app_lifespan(server: FastMCP) -> AsyncIterator[AvatarAppContext]:
    async with aiohttp.ClientSession(
        base_url=HEYGEN_HOST,
        headers={"X-Api-Key": HEYGEN_KEY, "Content-Type": "application/json"},
    ) as http:
        yield AvatarAppContext(http=http)


mcp = FastMCP("heygen-avatar", lifespan=app_lifespan)


async def _call(app: AvatarAppContext, path: str, payload: dict[str, Any]) -> dict[str, Any]:
    async with app.http.post(path, json=payload) as resp:
        body = await resp.json()
    if resp.status != 200 or body.get("code") != 100:
        raise ToolError(f"HeyGen {path} failed: {body.get('message')}")
    return body.get("data") or {}


@mcp.tool()
async def open_avatar(ctx: Context, name: str = "default") -> str:
    """Start a streaming avatar; returns the LiveKit room the assistant should display."""
    app: AvatarAppContext = ctx.request_context.lifespan_context
    request: dict[str, Any] = {"avatar_id": AVATAR_ID, "quality": "high", "version": "v2"}
    if KNOWLEDGE_BASE_ID:
        request["knowledge_base_id"] = KNOWLEDGE_BASE_ID
    data = await _call(app, "/v1/streaming.new", request)
    await _call(app, "/v1/streaming.start", {"session_id": data["session_id"]})
    app.live[name] = data
    await ctx.info(f"avatar {name} started")
    return json.dumps({"livekit_url": data["url"], "token": data["access_token"], "session_id": data["session_id"]})


@mcp.tool()
async def say(ctx: Context, text: str, mode: Literal["repeat", "chat"] = "repeat", name: str = "default") -> str:
    """Make the avatar speak: `repeat` reads the text, `chat` answers it from the knowledge base."""
    app: AvatarAppContext = ctx.request_context.lifespan_context
    session = app.live.get(name)
    if session is None:
        raise ToolError(f"no avatar named {name}")
    await _call(app, "/v1/streaming.task", {"session_id": session["session_id"], "text": text, "task_type": mode})
    return "spoken"


@mcp.tool()
async def interrupt(ctx: Context, name: str = "default") -> str:
    app: AvatarAppContext = ctx.request_context.lifespan_context
    await _call(app, "/v1/streaming.interrupt", {"session_id": app.live[name]["session_id"]})
    return "interrupted"


@mcp.tool()
async def close_avatar(ctx: Context, name: str = "default") -> str:
    app: AvatarAppContext = ctx.request_context.lifespan_context
    session = app.live.pop(name)
    await _call(app, "/v1/streaming.stop", {"session_id": session["session_id"]})
    return "closed"
