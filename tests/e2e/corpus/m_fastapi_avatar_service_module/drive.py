"""The React frontend against the FastAPI backend: open a session, show it, talk, close."""

import e2e_support
from app.main import app
from fastapi.testclient import TestClient

client = TestClient(app)
assert client.get("/health").json() == {"status": "ok"}

resp = client.post("/api/avatar/session")
assert resp.status_code == 200, resp.text
room = resp.json()
e2e_support.viewer.join(room["url"], room["access_token"])  # the page's LiveKit room
sid = room["session_id"]

for text in ("Hello, I am served by FastAPI.", "The service lives in its own module."):
    said = client.post(f"/api/avatar/session/{sid}/speak", json={"text": text})
    assert said.status_code == 200 and said.json()["task_id"], said.text
assert client.post(f"/api/avatar/session/{sid}/interrupt").json() == {"ok": True}
assert client.delete(f"/api/avatar/session/{sid}").json() == {"ok": True}
