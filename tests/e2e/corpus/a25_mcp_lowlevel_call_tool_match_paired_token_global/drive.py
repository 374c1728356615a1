"""The MCP host: lists the tools, then calls them as an assistant would."""

import asyncio
import json

import e2e_support
from avatar_server.server import server


async def call(name: str, **arguments):
    result = await server.handle("tools/call", {"name": name, "arguments": arguments})
    return json.loads(result[0].text)


async def main() -> None:
    tools = await server.handle("tools/list", {})
    assert [t.name for t in tools] == ["start_avatar", "speak", "stop_avatar"]
    room = await call("start_avatar")
    e2e_support.viewer.join(room["url"], room["token"])
    assert (await call("speak", text="Here is a summary of your inbox."))["spoken"]
    assert (await call("speak", text="You have three unread messages.", mode="repeat"))["spoken"]
    assert (await call("stop_avatar"))["stopped"]


asyncio.run(main())
