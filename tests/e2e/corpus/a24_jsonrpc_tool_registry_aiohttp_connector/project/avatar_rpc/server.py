"""The tools an assistant sees. State lives in the module: one avatar per server process."""
from __future__ import annotations

import json
import os
from typing import Any

from .registry import ToolError, ToolRegistry
from .streaming import StreamingAvatar

rpc = ToolRegistry("avatar-rpc")

_STATE: dict[str, Any] = {"avatar": None}


def _avatar() -> StreamingAvatar:
    avatar = _STATE["avatar"]
    if avatar is None or avatar.session_id is None:
        raise ToolError("no avatar is open; call open_avatar first")
    return avatar


@rpc.tool(description="Open a streaming avatar and return how to watch it.", avatar_id={"type": "string"})
async def open_avatar(avatar_id: str | None = None, quality: str = "low") -> str:
    if _STATE["avatar"] is not None:
        raise ToolError("an avatar is already open")
    avatar = await StreamingAvatar().__aenter__()
    try:
        data = await avatar.open(avatar_id or os.environ.get("AVATAR_RPC_AVATAR", "Anna_public_3_20240108"), quality)
    except Exception:
        await avatar.__aexit__(None, None, None)
        raise
    _STATE["avatar"] = avatar
    return json.dumps({"session_id": data["session_id"], "watch": {"url": data["url"], "token": data["access_token"]}})


@rpc.tool(description="Make the avatar say something word for word.", text={"type": "string"})
async def say(text: str) -> dict[str, Any]:
    task_id = await _avatar().speak(text)
    return {"ok": True, "task_id": task_id}


@rpc.tool(description="Stop the avatar mid-sentence.")
async def hush() -> str:
    await _avatar().interrupt()
    return "interrupted"


@rpc.tool(description="Keep the idle avatar alive.")
async def ping() -> str:
    await _avatar().ping()
    return "pong"


@rpc.tool(description="Close the avatar.")
async def close_avatar() -> str:
    avatar = _avatar()
    try:
        await avatar.close()
    finally:
        await avatar.__aexit__(None, None, None)
        _STATE["avatar"] = None
    return "closed"
