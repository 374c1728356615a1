"""The page opens a session, joins the room, talks, interrupts, closes (lifespan run)."""

from avatar_api.main import app
from e2e_support import viewer
from fastapi.testclient import TestClient

with TestClient(app) as client:
    r = client.post("/sessions")
    assert r.status_code == 200, r.text
    s = r.json()
    viewer.join(s["livekit_url"], s["livekit_token"])
    sid = s["session_id"]
    assert (
        client.post("/say", json={"session_id": sid, "text": "Hi, I'm your guide."}).status_code
        == 200
    )
    assert client.post("/interrupt", json={"session_id": sid}).status_code == 200
    assert (
        client.post("/say", json={"session_id": sid, "text": "Let's start over."}).status_code
        == 200
    )
    assert client.post("/close", json={"session_id": sid}).status_code == 200
