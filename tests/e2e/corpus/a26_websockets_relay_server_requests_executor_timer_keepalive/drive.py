"""The avatar page: connects to the relay, starts the avatar, joins the room, talks, leaves."""

import asyncio
import json

import e2e_support
import websockets
from relay import server as relay


async def main() -> None:
    srv = await relay.start("127.0.0.1", 0)
    port = srv.sockets[0].getsockname()[1]
    async with websockets.connect(f"ws://127.0.0.1:{port}") as ws:

        async def command(**msg: object) -> dict:
            await ws.send(json.dumps(msg))
            return json.loads(await ws.recv())

        room = (await command(cmd="start"))["room"]
        e2e_support.viewer.join(room["url"], room["token"])
        assert await command(cmd="say", text="Hello from the relay.") == {"ok": True}
        assert await command(cmd="ask", text="What can you do?") == {"ok": True}
        assert await command(cmd="cut") == {"ok": True}
        assert await command(cmd="ping") == {"ok": True}
        assert await command(cmd="status") == {"active": 1}
        assert await command(cmd="bye") == {"ok": True}
    srv.close()
    await srv.wait_closed()


asyncio.run(main())
