"""The marketing dashboard: render a video, then run the live avatar."""

import e2e_support
from app.main import app
from fastapi.testclient import TestClient

client = TestClient(app)
video_id = client.post("/videos", params={"script": "Spring collection is here."}).json()[
    "video_id"
]
assert client.get(f"/videos/{video_id}").json()["status"] == "completed"
r = client.post("/live")
assert r.status_code == 200, r.text
room = r.json()
e2e_support.viewer.join(room["url"], room["token"])
assert client.post(f"/live/{room['session_id']}/say", params={"text": "Welcome!"}).json()["ok"]
assert client.delete(f"/live/{room['session_id']}").json()["ok"]
