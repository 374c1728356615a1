"""The studio's operator page: a voice list, a rendered video and its webhook, then a live segment."""

import hashlib
import hmac
import json

import e2e_support
from app import app

client = app.test_client()

voices = client.get("/api/voices")
assert voices.status_code == 200, voices.data
assert voices.get_json()[0]["id"], voices.data

made = client.post("/api/videos", json={"title": "Weekly update", "script": "Hello team."})
assert made.status_code == 202, made.data
video_id = made.get_json()["video_id"]
event = json.dumps(
    {
        "event_type": "avatar_video.success",
        "event_data": {"video_id": video_id, "url": "https://x/v.mp4"},
    }
).encode()
signature = hmac.new(b"dev-secret", event, hashlib.sha256).hexdigest()
hook = client.post("/webhooks/heygen", data=event, headers={"X-Signature": signature})
assert hook.status_code == 204, hook.data
assert client.get(f"/api/videos/{video_id}").get_json()["status"] == "completed"

opened = client.post("/api/live", json={})
assert opened.status_code == 201, opened.data
sid = opened.get_json()["session_id"]
room = client.get(f"/api/live/{sid}/room").get_json()
e2e_support.viewer.join(room["url"], room["token"])  # the operator page joins the room

said = client.post(f"/api/live/{sid}/say", json={"text": "We are live from the studio."})
assert said.status_code == 200 and said.get_json()["task_id"], said.data
asked = client.post(
    f"/api/live/{sid}/say",
    json={"text": "What is on the agenda?", "task_type": "talk", "interrupt": True},
)
assert asked.status_code == 200, asked.data
assert client.delete(f"/api/live/{sid}").get_json() == {"stopped": True}
