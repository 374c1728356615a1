"""Two browsers: each signs in, opens its avatar, types lines into the socket; one leaves early."""

import asyncio

import e2e_support
from aiohttp.test_utils import TestClient, TestServer
from relay import make_app


async def main():
    async with TestClient(TestServer(make_app())) as client:
        resp = await client.post("/users/ana/avatar")
        assert resp.status == 200, await resp.text()
        room = await resp.json()
        again = await (await client.post("/users/ana/avatar")).json()
        assert again == room, (again, room)
        e2e_support.viewer.join(room["url"], room["token"])

        ws = await client.ws_connect("/users/ana/ws")
        await ws.send_str("Hi Ana, welcome back to the kiosk.")
        reply = await ws.receive_json()
        assert reply["event"] == "speaking" and reply["task_id"], reply
        await ws.send_str("/hush")
        assert (await ws.receive_json()) == {"event": "hushed"}
        await ws.send_str("Your order is ready at counter three.")
        assert (await ws.receive_json())["event"] == "speaking"
        await ws.close()

        resp = await client.post("/users/ben/avatar")
        ben = await resp.json()
        e2e_support.viewer.join(ben["url"], ben["token"])
        ws = await client.ws_connect("/users/ben/ws")
        await ws.send_str("Hello Ben.")
        assert (await ws.receive_json())["event"] == "speaking"
        await ws.close()

        resp = await client.delete("/users/ana/avatar")
        assert resp.status == 200, await resp.text()
        # ben's avatar is closed by the server's cleanup on shutdown


asyncio.run(main())
