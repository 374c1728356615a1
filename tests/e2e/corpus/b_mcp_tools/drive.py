"""What an MCP client (Claude Desktop, an agent) does: call the tools in order."""

import asyncio
import json

import e2e_support
import server


async def main():
    assert "tool_speak" in server.mcp.tools
    started = json.loads(await server.tool_start_avatar())
    e2e_support.viewer.join(started["url"], started["access_token"])
    print(await server.tool_speak("Hello, I am your MCP-driven avatar."))
    print(await server.tool_speak("I can read any text you send me."))
    print(await server.tool_keep_alive())
    print(await server.tool_interrupt())
    summary = await server.tool_stop_avatar()
    assert "stopped" in summary.lower(), summary


asyncio.run(main())
