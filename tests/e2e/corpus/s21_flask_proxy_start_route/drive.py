"""What the page's script does: new, start, join the room, speak, stop."""

import e2e_support
from server import app

client = app.test_client()

r = client.post("/api/new", json={})
assert r.status_code == 200, r.get_data(as_text=True)
data = r.get_json()["data"]

r = client.post("/api/start", json={"session_id": data["session_id"]})
assert r.status_code == 200, r.get_data(as_text=True)
assert r.get_json()["code"] == 100, r.get_json()

e2e_support.viewer.join(data["url"], data["access_token"])

r = client.post(
    "/api/task",
    json={"session_id": data["session_id"], "text": "Hi, I can answer questions about your order."},
)
assert r.status_code == 200, r.get_data(as_text=True)

r = client.post("/api/stop", json={"session_id": data["session_id"]})
assert r.status_code == 200, r.get_data(as_text=True)
