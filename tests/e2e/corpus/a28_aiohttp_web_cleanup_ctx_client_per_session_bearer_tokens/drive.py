"""The browser front end: open a session, show it, say two things, cut in, close."""

import asyncio

import e2e_support
from aiohttp.test_utils import TestClient, TestServer
from avatar_gateway.app import make_app


async def main() -> None:
    async with TestClient(TestServer(make_app(), host="127.0.0.1")) as client:
        resp = await client.post("/avatar/sessions", json={})
        assert resp.status == 201, await resp.text()
        created = await resp.json()
        sid = created["session_id"]
        e2e_support.viewer.join(created["livekit"]["url"], created["livekit"]["token"])
        for text in ("Welcome back, Dana.", "Your order shipped this morning."):
            resp = await client.post(f"/avatar/sessions/{sid}/say", json={"text": text})
            assert resp.status == 200, await resp.text()
        resp = await client.post(f"/avatar/sessions/{sid}/interrupt")
        assert resp.status == 200, await resp.text()
        resp = await client.delete(f"/avatar/sessions/{sid}")
        assert resp.status == 204, await resp.text()


asyncio.run(main())
