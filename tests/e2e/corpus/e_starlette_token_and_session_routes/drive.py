"""The browser page and the stage operator using the backend."""

import e2e_support
from server import app
from starlette.testclient import TestClient

client = TestClient(app)

# the SDK page asks for a token for its own session
resp = client.post("/api/token")
assert resp.status_code == 200, resp.text
assert isinstance(resp.json()["token"], str) and resp.json()["token"]

# the stage operator opens a server-side session
resp = client.post("/api/sessions")
assert resp.status_code == 200, resp.text
room = resp.json()
e2e_support.viewer.join(room["url"], room["access_token"])
sid = room["session_id"]

resp = client.post(f"/api/sessions/{sid}/say", json={"text": "Welcome on stage!"})
assert resp.status_code == 200, resp.text
resp = client.post(
    f"/api/sessions/{sid}/say", json={"text": "What is on the agenda?", "task_type": "talk"}
)
assert resp.status_code == 200, resp.text
resp = client.delete(f"/api/sessions/{sid}")
assert resp.status_code == 200, resp.text
assert resp.json() == {"closed": sid}
