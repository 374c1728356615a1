"""heygen-avatar MCP server: lets an LLM agent drive a HeyGen streaming avatar."""
import json
import os

import requests

from mcp_runtime import ToolRegistry

mcp = ToolRegistry("heygen-avatar")

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")
HEYGEN_API_URL = "https://api.heygen.com/v1"

_current = {"session_id": None}


def _headers():
    return {"X-Api-Key": HEYGEN_API_KEY, "Content-Type": "application/json"}


def _post(endpoint, payload):
    r = requests.post(f"{HEYGEN_API_URL}/{endpoint}", json=payload, headers=_headers(), timeout=30)
    r.raise_for_status()
    return r.json()


@mcp.tool()
async def tool_start_avatar(avatar_id: str = "", quality: str = "medium") -> str:
    """Start a streaming avatar session. Returns JSON with the LiveKit room credentials."""
    avatar_id = avatar_id or os.getenv("HEYGEN_DEFAULT_AVATAR", "Anna_public_3_20240108")
    data = _post("streaming.new", {"avatar_id": avatar_id, "quality": quality, "version": "v2"})["data"]
    _post("streaming.start", {"session_id": data["session_id"]})
    _current["session_id"] = data["session_id"]
    return json.dumps(
        {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}
    )


@mcp.tool()
async def tool_speak(text: str) -> str:
    """Make the avatar say `text` exactly."""
    sid = _current["session_id"]
    if not sid:
        return "No active session. Call tool_start_avatar first."
    result = _post("streaming.task", {"session_id": sid, "text": text, "task_type": "repeat"})
    data = result.get("data") or {}
    return f"Avatar is speaking ({len(text)} chars, task {data.get('task_id', '?')}, ~{data.get('duration_ms', 0):.0f} ms)."


@mcp.tool()
async def tool_interrupt() -> str:
    """Stop the avatar mid-sentence."""
    sid = _current["session_id"]
    if not sid:
        return "No active session."
    _post("streaming.interrupt", {"session_id": sid})
    return "Interrupted."


@mcp.tool()
async def tool_keep_alive() -> str:
    """Reset the idle timer of the current session."""
    sid = _current["session_id"]
    if not sid:
        return "No active session."
    _post("streaming.keep_alive", {"session_id": sid})
    return "Session kept alive."


@mcp.tool()
async def tool_stop_avatar() -> str:
    """Close the current session."""
    sid = _current["session_id"]
    if not sid:
        return "No active session."
    _post("streaming.stop", {"session_id": sid})
    _current["session_id"] = None
    return f"Session {sid} stopped."
