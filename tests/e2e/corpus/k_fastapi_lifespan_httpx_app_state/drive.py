import e2e_support
from fastapi.testclient import TestClient
from main import app

with TestClient(app) as client:
    r = client.post("/sessions")
    assert r.status_code == 200, r.text
    s = r.json()
    e2e_support.viewer.join(s["url"], s["access_token"])
    sid = s["session_id"]
    r = client.post("/sessions/say", json={"session_id": sid, "text": "Welcome to the museum!"})
    assert r.status_code == 200, r.text
    r = client.post(
        "/sessions/say",
        json={"session_id": sid, "text": "When does the museum close?", "task_type": "chat"},
    )
    assert r.status_code == 200, r.text
    assert client.post("/sessions/interrupt", json={"session_id": sid}).status_code == 200
    r = client.post("/sessions/close", json={"session_id": sid})
    assert r.status_code == 200, r.text
