"""The React widget's fetch() calls: open, join, speak, ask, keep alive, close."""

import e2e_support
from backend.main import app
from fastapi.testclient import TestClient

with TestClient(app) as client:
    res = client.post("/api/avatar/session")
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["avatar"]["name"] == "Anna"
    session = body["session"]
    e2e_support.viewer.join(session["url"], session["access_token"])
    sid = session["session_id"]

    res = client.post(
        f"/api/avatar/{sid}/speak", json={"text": "Hi, I'm Anna. Ask me about our plans."}
    )
    assert res.status_code == 200 and res.json()["task_id"], res.text
    res = client.post(
        f"/api/avatar/{sid}/speak", json={"text": "Is there a free tier?", "mode": "talk"}
    )
    assert res.status_code == 200 and res.json()["task_id"], res.text
    assert client.post(f"/api/avatar/{sid}/keepalive").json() == {"ok": True}
    assert client.delete(f"/api/avatar/{sid}").json() == {"ok": True}
