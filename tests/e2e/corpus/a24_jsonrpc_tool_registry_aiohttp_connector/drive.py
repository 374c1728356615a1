"""An assistant host talking JSON-RPC to the avatar tool server; the user's browser watches."""

import asyncio
import json

import e2e_support
from avatar_rpc.server import rpc


async def call(n: int, name: str, **arguments: object) -> dict:
    reply = await rpc.handle(
        {
            "jsonrpc": "2.0",
            "id": n,
            "method": "tools/call",
            "params": {"name": name, "arguments": arguments},
        }
    )
    assert "result" in reply, reply
    assert reply["result"]["isError"] is False, reply
    return reply["result"]


async def main() -> None:
    init = await rpc.handle({"jsonrpc": "2.0", "id": 0, "method": "initialize"})
    assert init["result"]["serverInfo"]["name"] == "avatar-rpc"
    listed = await rpc.handle({"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
    assert {t["name"] for t in listed["result"]["tools"]} >= {"open_avatar", "say", "close_avatar"}

    opened = await call(2, "open_avatar")
    watch = json.loads(opened["content"][0]["text"])["watch"]
    e2e_support.viewer.join(watch["url"], watch["token"])

    await call(3, "say", text="Hi! I can walk you through the new release.")
    await call(4, "hush")
    await call(5, "ping")
    await call(6, "say", text="Short version: it is faster.")
    await call(7, "close_avatar")

    missing = await rpc.handle(
        {
            "jsonrpc": "2.0",
            "id": 8,
            "method": "tools/call",
            "params": {"name": "say", "arguments": {"text": "x"}},
        }
    )
    assert missing["result"]["isError"] is True


asyncio.run(main())
