"""The browser: open a session, join, speak, keep alive, list, speak again, close."""

from avatar_svc.main import app
from e2e_support import viewer
from fastapi.testclient import TestClient

client = TestClient(app)
r = client.post("/sessions", json={"quality": "low"})
assert r.status_code == 201, r.text
data = r.json()
viewer.join(data["url"], data["access_token"])
sid = data["session_id"]
assert client.post(f"/sessions/{sid}/say", json={"text": "Hello there!"}).status_code == 200
assert client.post(f"/sessions/{sid}/keepalive").status_code == 200
listing = client.get("/sessions").json()
assert listing["count"] == 1 and listing["ids"] == [sid], listing
assert client.post(f"/sessions/{sid}/say", json={"text": "  "}).status_code == 422
assert client.post(f"/sessions/{sid}/say", json={"text": "See you soon."}).status_code == 200
assert client.delete(f"/sessions/{sid}").status_code == 200
