"""Run: python -m avatar_mcp  (stdin/stdout carry JSON-RPC; logs go to stderr)."""
from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from typing import Any

from .heygen import StreamingAvatar

logging.basicConfig(stream=sys.stderr, level=logging.INFO)
log = logging.getLogger("avatar_mcp")

TOOLS = [
    {"name": "avatar_open", "description": "Open the avatar; returns the LiveKit room to watch."},
    {"name": "avatar_say", "description": "Say a text word for word.", "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}}}},
    {"name": "avatar_close", "description": "Close the avatar."},
]


async def call_tool(avatar: StreamingAvatar, name: str, args: dict[str, Any]) -> str:
    if name == "avatar_open":
        room = await avatar.open(args.get("avatar_id") or os.environ.get("MCP_AVATAR", "Anna_public_3_20240108"))
        return json.dumps({"livekit_url": room["url"], "token": room["access_token"]})
    if name == "avatar_say":
        await avatar.say(args["text"])
        return "done"
    if name == "avatar_close":
        await avatar.close()
        return "closed"
    raise ValueError(f"unknown tool {name}")


async def serve() -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    avatar = StreamingAvatar()

    def reply(message: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    while line := await reader.readline():
        request = json.loads(line)
        rid, method = request.get("id"), request.get("method")
        if method == "initialize":
            reply({"jsonrpc": "2.0", "id": rid, "result": {"protocolVersion": "2024-11-05", "serverInfo": {"name": "avatar-mcp"}}})
        elif method == "notifications/initialized":
            continue
        elif method == "tools/list":
            reply({"jsonrpc": "2.0", "id": rid, "result": {"tools": TOOLS}})
        elif method == "tools/call":
            params = request.get("params", {})
            try:
                text = await call_tool(avatar, params["name"], params.get("arguments", {}))
                reply({"jsonrpc": "2.0", "id": rid, "result": {"content": [{"type": "text", "text": text}]}})
            except Exception as exc:  # tool errors are results, not protocol errors
                log.exception("tool failed")
                reply({"jsonrpc": "2.0", "id": rid, "result": {"content": [{"type": "text", "text": str(exc)}], "isError": True}})
        else:
            reply({"jsonrpc": "2.0", "id": rid, "error": {"code": -32601, "message": "method not found"}})


if __name__ == "__main__":
    asyncio.run(serve())
