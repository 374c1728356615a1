"""The kiosk front end: open a session, show the room, ask, ping, close."""

import e2e_support
from app.main import app
from fastapi.testclient import TestClient

with TestClient(app) as client:
    opened = client.post("/sessions")
    assert opened.status_code == 200, opened.text
    info = opened.json()
    e2e_support.viewer.join(info["room"], info["token"])
    sid = info["id"]
    r = client.post(
        f"/sessions/{sid}/questions", json={"text": "Welcome to the Grand Hotel.", "announce": True}
    )
    assert r.status_code == 200, r.text
    r = client.post(f"/sessions/{sid}/questions", json={"text": "Where is the spa?"})
    assert r.status_code == 200, r.text
    assert client.post(f"/sessions/{sid}/ping").status_code == 200
    assert client.delete(f"/sessions/{sid}").json() == {"closed": sid}
