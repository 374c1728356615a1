"""The web page: one WebSocket to the relay, the LiveKit viewer opened on the room it gets."""

import e2e_support
from fastapi.testclient import TestClient
from server import app

with TestClient(app) as client, client.websocket_connect("/ws") as ws:
    ws.send_json({"action": "start"})
    room = ws.receive_json()
    assert room["type"] == "room", room
    e2e_support.viewer.join(room["url"], room["token"])
    for msg in (
        {"action": "say", "text": "Welcome to the live demo."},
        {"action": "ask", "text": "What can you help me with?"},
        {"action": "interrupt"},
        {"action": "stop"},
    ):
        ws.send_json(msg)
        reply = ws.receive_json()
        assert reply == {"type": "ok", "action": msg["action"]}, reply
