"""The booth tablet talks to the ASGI app through httpx's ASGI transport (as a server would)."""

import asyncio

import e2e_support
import httpx
from asgi_avatar import app


async def main():
    transport = httpx.ASGITransport(app=app, client=("10.0.0.7", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://booth") as tablet:
        assert (await tablet.get("/room")).status_code == 404
        opened = await tablet.post("/room")
        assert opened.status_code == 201, opened.text
        again = await tablet.post("/room")
        assert again.json() == opened.json()
        room = (await tablet.get("/room")).json()
        await asyncio.to_thread(e2e_support.viewer.join, room["url"], room["token"])
        said = await tablet.post("/room/say", json={"text": "Hi! Scan the QR code for a demo."})
        assert said.status_code == 200, said.text
        closed = await tablet.delete("/room")
        assert closed.json() == {"closed": True}


asyncio.run(main())
