"""The page's JavaScript, played by hand: start, connect, send, heartbeat, end."""

from e2e_support import viewer
from server import app

client = app.test_client()
assert client.get("/").status_code == 200
r = client.post("/api/session")
assert r.status_code == 200, r.text
session = r.get_json()
viewer.join(session["url"], session["access_token"])
sid = session["session_id"]
r = client.post("/api/talk", json={"session_id": sid, "text": "Hello from the browser"})
assert r.status_code == 200, r.text
r = client.post("/api/talk", json={"session_id": sid, "text": "What's new?", "task_type": "repeat"})
assert r.status_code == 200, r.text
assert client.post("/api/heartbeat", json={"session_id": sid}).get_json() == {"ok": True}
assert client.post("/api/end", json={"session_id": sid}).get_json() == {"ok": True}
