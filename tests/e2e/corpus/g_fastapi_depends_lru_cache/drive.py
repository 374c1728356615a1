"""The web page's calls to the backend, through FastAPI's TestClient."""

import e2e_support
from app.main import app
from fastapi.testclient import TestClient

client = TestClient(app)
resp = client.post("/avatar/session")
assert resp.status_code == 200, resp.text
room = resp.json()
e2e_support.viewer.join(room["url"], room["access_token"])
sid = room["session_id"]
for text, task_type in (
    ("Hi there, welcome to Acme support.", "repeat"),
    ("How do I reset my password?", "chat"),
):
    r = client.post("/avatar/say", json={"session_id": sid, "text": text, "task_type": task_type})
    assert r.status_code == 200, r.text
assert client.post("/avatar/interrupt", json={"session_id": sid}).status_code == 200
assert client.post("/avatar/close", json={"session_id": sid}).status_code == 200
