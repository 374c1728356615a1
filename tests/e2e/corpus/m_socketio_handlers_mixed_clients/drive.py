"""The kiosk page's socket.io client: start, show the room, say, ask, interrupt, stop."""

import asyncio

import e2e_support
import server


async def main():
    await server.sio.trigger("connect", "kiosk-1", {})
    await server.sio.trigger("start_avatar", "kiosk-1", {})
    event, data, to = server.sio.sent[-1]
    assert event == "avatar_ready" and to == "kiosk-1", (event, data)
    e2e_support.viewer.join(data["url"], data["token"])
    await server.sio.trigger("say", "kiosk-1", {"text": "Welcome to the lobby!"})
    await server.sio.trigger("ask", "kiosk-1", {"text": "Where is the conference room?"})
    said = [d for e, d, _ in server.sio.sent if e == "said"]
    assert len(said) == 2 and all(d["task_id"] for d in said), said
    await server.sio.trigger("interrupt", "kiosk-1")
    await server.sio.trigger("stop_avatar", "kiosk-1")
    assert server.sio.sent[-1][0] == "avatar_stopped"


asyncio.run(main())
