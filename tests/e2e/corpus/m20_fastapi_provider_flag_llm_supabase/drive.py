"""The front-desk kiosk page: open the avatar, greet, answer two visitors, ping, close."""

import e2e_support
from avatar_backend.main import app
from fastapi.testclient import TestClient

client = TestClient(app)
assert client.get("/health").json()["provider"] == "heygen"

opened = client.post("/session")
assert opened.status_code == 200, opened.text
info = opened.json()
e2e_support.viewer.join(info["livekit_url"], info["token"])  # the kiosk screen
sid = info["session_id"]

said = client.post(f"/session/{sid}/say", json={"text": "Welcome to Northwind Dental."})
assert said.status_code == 200, said.text
for question in ("What are your opening hours?", "Where can I park?"):
    reply = client.post(f"/session/{sid}/chat", json={"message": question})
    assert reply.status_code == 200 and reply.json()["reply"], reply.text
assert client.post(f"/session/{sid}/ping").json() == {"ok": True}
closed = client.delete(f"/session/{sid}")
assert closed.json() == {"closed": sid, "turns": 2}, closed.text
