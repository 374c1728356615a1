"""The guide's tablet opens a room, a visitor's phone joins it, a line, close."""

import asyncio

import e2e_support
from aiohttp.test_utils import TestClient, TestServer
from server import make_app


async def main():
    async with TestClient(TestServer(make_app())) as client:
        opened = await client.post("/guide")
        assert opened.status == 201, await opened.text()
        sid = (await opened.json())["id"]
        joined = await client.get(f"/guide/{sid}/join")
        assert joined.status == 200, await joined.text()
        room = await joined.json()
        assert room["visitors"] == 1
        await asyncio.to_thread(e2e_support.viewer.join, room["url"], room["token"])
        said = await client.post(f"/guide/{sid}/say", json={"text": "This hall is from 1890."})
        assert said.status == 200, await said.text()
        closed = await client.delete(f"/guide/{sid}")
        assert await closed.json() == {"closed": sid, "visitors": 1}


asyncio.run(main())
