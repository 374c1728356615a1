"""The avatar widget: talks JSON-RPC to the server over its WebSocket."""

import asyncio
import itertools
import json

import e2e_support
from avatar_rpc.server import server
from websockets.asyncio.client import connect

ids = itertools.count(1)


async def call(ws, method: str, **params):
    await ws.send(
        json.dumps({"jsonrpc": "2.0", "id": next(ids), "method": method, "params": params})
    )
    reply = json.loads(await ws.recv())
    assert "error" not in reply, reply
    return reply["result"]


async def main() -> None:
    async with server(port=0) as srv:
        port = srv.sockets[0].getsockname()[1]
        async with connect(f"ws://127.0.0.1:{port}") as ws:
            room = await call(ws, "avatar.open")
            e2e_support.viewer.join(room["server_url"], room["participant_token"])
            said = await call(ws, "avatar.say", text="Hi! Ask me about our opening hours.")
            assert said["task"]
            await call(ws, "avatar.say", text="We open at nine.", mode="repeat")
            assert await call(ws, "avatar.stop") is True


asyncio.run(main())
