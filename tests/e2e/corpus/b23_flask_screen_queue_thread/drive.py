"""The front-desk tablet opens a room; the left lobby screen shows it once the manager assigned
it; an announcement; the room is closed."""

import time

import e2e_support
from dashboard import create_app

app = create_app()
client = app.test_client()

r = client.post("/api/rooms")
assert r.status_code == 202, r.get_data(as_text=True)
session_id = r.get_json()["session_id"]

deadline = time.monotonic() + 10
while True:
    screens = client.get("/api/screens").get_json()
    if "lobby-left" in screens or time.monotonic() > deadline:
        break
    time.sleep(0.05)
left = screens["lobby-left"]
assert left["session_id"] == session_id, screens
e2e_support.viewer.join(left["server"], left["token"])  # the left screen's player

r = client.post(f"/api/rooms/{session_id}/announce", json={"text": "The gala starts at eight."})
assert r.status_code == 204, r.get_data(as_text=True)
assert client.delete(f"/api/rooms/{session_id}").status_code == 204
assert client.get("/api/screens").get_json() == {}
