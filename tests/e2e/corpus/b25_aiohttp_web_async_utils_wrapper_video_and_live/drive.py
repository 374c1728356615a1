"""The studio page against the aiohttp app (aiohttp's test client, in process)."""

import asyncio

import e2e_support
from aiohttp.test_utils import TestClient, TestServer
from studio.app import make_app


async def main() -> None:
    async with TestClient(TestServer(make_app())) as client:
        r = await client.post(
            "/videos", json={"avatar_id": "Daisy-inskirt-20220818", "script": "New arrivals!"}
        )
        assert r.status == 200, await r.text()
        r = await client.post("/live")
        assert r.status == 200, await r.text()
        sid = (await r.json())["session_id"]
        room = await (await client.get(f"/live/{sid}/room")).json()
        await asyncio.to_thread(e2e_support.viewer.join, room["url"], room["token"])
        r = await client.post(f"/live/{sid}/say", json={"text": "Welcome to the studio!"})
        assert r.status == 200, await r.text()
        r = await client.delete(f"/live/{sid}")
        assert r.status == 200, await r.text()


asyncio.run(main())
