"""The browser page: get a token, open the session with it, speak through the proxy, stop."""

import e2e_support
from app import create_app

client = create_app().test_client()

resp = client.post("/api/avatar/token")
assert resp.status_code == 200, resp.data
token = resp.get_json()["token"]

resp = client.post("/api/avatar/session", json={"token": token})
assert resp.status_code == 200, resp.data
room = resp.get_json()
e2e_support.viewer.join(room["url"], room["access_token"])

for body in (
    {"text": "Hi, I am the museum guide.", "task_type": "repeat"},
    {"text": "Who painted the ceiling?", "task_type": "chat"},
):
    resp = client.post(
        "/api/avatar/task", json={"token": token, "session_id": room["session_id"], **body}
    )
    assert resp.status_code == 200, resp.data

resp = client.post("/api/avatar/stop", json={"token": token, "session_id": room["session_id"]})
assert resp.status_code == 200, resp.data
