"""A page opens a room, joins it, talks, interrupts, talks again, closes."""

from app.main import app
from e2e_support import viewer
from fastapi.testclient import TestClient

client = TestClient(app)
r = client.post("/rooms")
assert r.status_code == 200, r.text
room = r.json()
viewer.join(room["livekit_url"], room["livekit_token"])
rid = room["room_id"]
assert client.post(f"/rooms/{rid}/say", json={"text": "Good morning!"}).status_code == 200
assert client.post(f"/rooms/{rid}/hush").status_code == 200
assert client.post(f"/rooms/{rid}/say", json={"text": "Let me start again."}).status_code == 200
assert client.delete(f"/rooms/{rid}").status_code == 200
