"""MCP server: lets an assistant drive a HeyGen streaming avatar."""
from __future__ import annotations

import json
import os
from typing import Any

import httpx

from mcpcore import Server, TextContent, Tool

server = Server("heygen-avatar")

_TOKEN: str | None = None
_SESSION: dict[str, Any] = {}


async def _ensure_token() -> str:
    global _TOKEN
    if _TOKEN is None:
        async with httpx.AsyncClient(base_url="https://api.heygen.com/v1/") as client:
            resp = await client.post("streaming.create_token", headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
            resp.raise_for_status()
            _TOKEN = resp.json()["data"]["token"]
    return _TOKEN


async def _heygen(path: str, payload: dict[str, Any]) -> dict[str, Any]:
    token = await _ensure_token()
    async with httpx.AsyncClient(base_url="https://api.heygen.com/v1/", timeout=30) as client:
        resp = await client.post(path, json=payload, headers={"Authorization": f"Bearer {token}"})
        resp.raise_for_status()
        return resp.json().get("data") or {}


def _text(value: Any) -> list[TextContent]:
    return [TextContent(type="text", text=json.dumps(value))]


@server.list_tools()
async def list_tools() -> list[Tool]:
    return [
        Tool("start_avatar", "Start the avatar and return its LiveKit room", {"type": "object", "properties": {}}),
        Tool(
            "speak",
            "Make the avatar say something",
            {"type": "object", "properties": {"text": {"type": "string"}, "mode": {"enum": ["repeat", "chat"]}}},
        ),
        Tool("stop_avatar", "Stop the avatar", {"type": "object", "properties": {}}),
    ]


@server.call_tool()
async def call_tool(name: str, arguments: dict[str, Any]) -> list[TextContent]:
    match name:
        case "start_avatar":
            data = await _heygen(
                "streaming.new",
                {"avatar_id": os.environ.get("MCP_AVATAR", "Anna_public_3_20240108"), "version": "v2", "quality": "low"},
            )
            await _heygen("streaming.start", {"session_id": data["session_id"]})
            _SESSION.update(data)
            return _text({"url": data["url"], "token": data["access_token"]})
        case "speak":
            await _heygen(
                "streaming.task",
                {"session_id": _SESSION["session_id"], "text": arguments["text"], "task_type": arguments.get("mode", "repeat")},
            )
            return _text({"spoken": True})
        case "stop_avatar":
            await _heygen("streaming.stop", {"session_id": _SESSION.pop("session_id")})
            _SESSION.clear()
            return _text({"stopped": True})
        case _:
            raise ValueError(f"unknown tool {name}")
