"""The lobby screen: open a room, join it, ask two questions, cut one answer short, close."""

import e2e_support
from fastapi.testclient import TestClient
from frontdesk.api import app

client = TestClient(app)
assert client.get("/provider").json() == {"provider": "heygen"}

r = client.post("/rooms")
assert r.status_code == 200, r.text
room = r.json()
assert set(room) == {"session_id", "url", "access_token"}, room
e2e_support.viewer.join(room["url"], room["access_token"])

sid = room["session_id"]
r = client.post(f"/rooms/{sid}/questions", json={"text": "When is checkout?"})
assert r.status_code == 200, r.text
assert r.json()["answer"].startswith("Checkout is at eleven"), r.json()
r = client.post(f"/rooms/{sid}/questions", json={"text": "Is breakfast included?"})
assert r.status_code == 200, r.text
assert client.post(f"/rooms/{sid}/interrupt").status_code == 204
assert client.delete(f"/rooms/{sid}").status_code == 204
