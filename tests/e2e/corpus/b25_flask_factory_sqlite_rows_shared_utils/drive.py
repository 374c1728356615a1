"""The lobby screen's JavaScript, as calls through Flask's test client."""

import os
import tempfile

import e2e_support
from kiosk import create_app

app = create_app({"TESTING": True, "DATABASE": os.path.join(tempfile.mkdtemp(), "kiosk.db")})
client = app.test_client()

r = client.post("/api/videos", json={"script": "Welcome to the lobby!"})
assert r.status_code == 202, r.text
video_id = r.get_json()["video_id"]

r = client.post("/api/live/sessions")
assert r.status_code == 201, r.text
pk = r.get_json()["id"]
room = client.get(f"/api/live/sessions/{pk}").get_json()
e2e_support.viewer.join(room["url"], room["token"])

for body in (
    {"text": "Hello, welcome to the lobby."},
    {"text": "Where is the cafeteria?", "task_type": "chat"},
):
    r = client.post(f"/api/live/sessions/{pk}/speak", json=body)
    assert r.status_code == 200, r.text
r = client.post(f"/api/live/sessions/{pk}/interrupt")
assert r.status_code == 200, r.text
r = client.delete(f"/api/live/sessions/{pk}")
assert r.status_code == 204, r.text
assert client.get(f"/api/live/sessions/{pk}").status_code == 404

r = client.get(f"/api/videos/{video_id}")
assert r.get_json()["status"] == "completed", r.text
