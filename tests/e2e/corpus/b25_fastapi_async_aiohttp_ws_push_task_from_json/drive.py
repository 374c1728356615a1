"""The lesson page: a websocket that receives the room, then the teacher's console."""

import e2e_support
from app.main import app
from fastapi.testclient import TestClient

client = TestClient(app)
with client.websocket_connect("/ws/lessons") as ws:
    room = ws.receive_json()
    assert room["type"] == "room", room
    e2e_support.viewer.join(room["livekit_url"], room["livekit_token"])
    ws.send_json({"text": "Today we learn about volcanoes."})
    assert ws.receive_json() == {"type": "queued"}
    ws.send_json({"type": "bye"})
lesson = room["lesson"]
r = client.post(f"/lessons/{lesson}/ask", json={"text": "Why do volcanoes erupt?"})
assert r.status_code == 200, r.text
r = client.post(
    f"/lessons/{lesson}/raw", json={"text": "Repeat after me: magma.", "task_type": "repeat"}
)
assert r.status_code == 200, r.text
r = client.delete(f"/lessons/{lesson}")
assert r.status_code == 200, r.text
