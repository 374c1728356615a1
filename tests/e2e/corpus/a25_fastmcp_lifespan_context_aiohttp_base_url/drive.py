"""The desktop assistant host: calls the server's tools as an MCP client would."""

import asyncio
import json

import e2e_support
from avatar_mcp.server import mcp


async def main() -> None:
    async with mcp.running():
        opened = json.loads(await mcp.call_tool("open_avatar", {}))
        assert "isError" not in opened, opened
        e2e_support.viewer.join(opened["livekit_url"], opened["token"])
        assert (
            await mcp.call_tool("say", {"text": "Hello, I can help with your order."}) == "spoken"
        )
        assert (
            await mcp.call_tool("say", {"text": "How do I reset my password?", "mode": "chat"})
            == "spoken"
        )
        assert await mcp.call_tool("interrupt", {}) == "interrupted"
        assert await mcp.call_tool("close_avatar", {}) == "closed"
        missing = json.loads(await mcp.call_tool("say", {"text": "anyone?"}))
        assert missing["isError"] is True


asyncio.run(main())
