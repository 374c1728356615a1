"""The kiosk page over its WebSocket: start, show the room, say, ask, interrupt, leave."""

import asyncio

import e2e_support
from avatar_app.consumers import AvatarConsumer
from channels.testing import WebsocketCommunicator


async def kiosk() -> None:
    ws = WebsocketCommunicator(AvatarConsumer.as_asgi(), "/ws/avatar/")
    connected, _ = await ws.connect()
    assert connected
    await ws.send_json_to({"action": "start"})
    room = await ws.receive_json_from()
    assert room["type"] == "room", room
    e2e_support.viewer.join(room["url"], room["token"])
    assert (await ws.receive_json_from()) == {"type": "ok", "action": "start"}
    for message in [
        {"action": "say", "text": "Welcome! Tap the screen to ask me anything."},
        {"action": "ask", "text": "Where can I charge my phone?"},
        {"action": "interrupt"},
    ]:
        await ws.send_json_to(message)
        reply = await ws.receive_json_from()
        assert reply == {"type": "ok", "action": message["action"]}, reply
    await ws.send_json_to({"action": "dance"})
    assert (await ws.receive_json_from())["type"] == "error"
    await ws.disconnect()  # the page is closed: the consumer stops the avatar


asyncio.run(kiosk())
