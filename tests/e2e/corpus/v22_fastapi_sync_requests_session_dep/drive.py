"""The React frontend's calls against the FastAPI backend."""

import e2e_support
from app.main import app
from fastapi.testclient import TestClient

with TestClient(app) as client:
    r = client.post("/sessions", json={"quality": "medium"})
    assert r.status_code == 200, r.text
    session = r.json()
    e2e_support.viewer.join(session["url"], session["access_token"])

    sid = session["session_id"]
    r = client.post(f"/sessions/{sid}/tasks", json={"text": "Hi! I'm Tyler, your study buddy."})
    assert r.status_code == 200, r.text
    r = client.post(
        f"/sessions/{sid}/tasks",
        json={"text": "Explain photosynthesis in one sentence.", "task_type": "chat"},
    )
    assert r.status_code == 200, r.text

    r = client.delete(f"/sessions/{sid}")
    assert r.status_code == 200, r.text
    assert r.json()["closed"] is True
