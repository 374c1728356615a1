"""The MCP host: lists the tools, then calls them the way the model would."""

import asyncio

import e2e_support
from avatar_mcp.server import server


async def main() -> None:
    names = [t["name"] for t in server.list_tools()]
    assert "open_concierge" in names, names
    avatars = await server.call_tool("list_avatars")
    assert not avatars["isError"], avatars
    room = await server.call_tool("open_concierge")
    assert not room["isError"], room
    e2e_support.viewer.join(room["content"]["livekit_url"], room["content"]["token"])
    for args in (
        {"text": "Welcome to the Grand Hotel."},
        {"text": "What time is breakfast?", "mode": "chat"},
    ):
        result = await server.call_tool("say", args)
        assert result == {"content": "ok", "isError": False}, result
    assert (await server.call_tool("interrupt"))["content"] == "interrupted"
    active = await server.call_tool("active_sessions")
    assert not active["isError"], active
    closed = await server.call_tool("close_concierge")
    assert closed["content"] == "closed", closed


asyncio.run(main())
