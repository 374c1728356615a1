"""A visitor walks in, the screen joins, the greeter talks, the visitor leaves."""

import asyncio

from aiohttp.test_utils import TestClient, TestServer
from e2e_support import viewer
from greeter.web import make_app


async def main():
    async with TestClient(TestServer(make_app())) as client:
        r = await client.post("/visit")
        assert r.status == 200, await r.text()
        v = await r.json()
        await asyncio.to_thread(viewer.join, v["url"], v["token"])
        r = await client.post(f"/visit/{v['visitor']}/say", json={"text": "Welcome in!"})
        assert r.status == 200, await r.text()
        r = await client.delete(f"/visit/{v['visitor']}")
        assert r.status == 200, await r.text()


asyncio.run(main())
