"""What an MCP client does: list the tools' results, open the avatar, talk, render, close."""

import asyncio
import json

import e2e_support
from avatar_mcp.server import mcp


async def main() -> None:
    avatars = json.loads(await mcp.call_tool("list_avatars"))
    assert avatars, avatars
    started = await mcp.call_tool("start_avatar", {"quality": "low"})
    room = json.loads(started)
    e2e_support.viewer.join(room["room_url"], room["token"])  # the client shows the room
    said = await mcp.call_tool("avatar_say", {"text": "Hello from the assistant."})
    assert said.startswith("ok"), said
    said = await mcp.call_tool("avatar_say", {"text": "Let me start over.", "cut_in": True})
    assert said.startswith("ok"), said
    rendered = json.loads(await mcp.call_tool("render_video", {"script": "A recorded hello."}))
    assert rendered["status"] == "completed", rendered
    assert len(json.loads(await mcp.call_tool("sessions"))) == 1
    stopped = await mcp.call_tool("stop_avatar")
    assert stopped.startswith("stopped"), stopped


asyncio.run(main())
