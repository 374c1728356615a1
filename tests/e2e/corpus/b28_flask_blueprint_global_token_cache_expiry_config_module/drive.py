"""The page: start, join, say two lines (a keep-alive between), an empty request, end."""

from e2e_support import viewer
from webapp import create_app

client = create_app().test_client()
r = client.post("/api/avatar/start", json={})
assert r.status_code == 200, r.get_data(as_text=True)
s = r.get_json()
viewer.join(s["url"], s["token"])
r = client.post("/api/avatar/say", json={"session_id": s["session_id"], "text": "Good evening."})
assert r.status_code == 200 and r.get_json()["task_id"], r.get_data(as_text=True)
assert client.post("/api/avatar/keepalive", json={"session_id": s["session_id"]}).status_code == 200
r = client.post(
    "/api/avatar/say", json={"session_id": s["session_id"], "text": "The show starts at eight."}
)
assert r.status_code == 200, r.get_data(as_text=True)
assert client.post("/api/avatar/say", json={"session_id": s["session_id"]}).status_code == 400
assert client.post("/api/avatar/end", json={"session_id": s["session_id"]}).status_code == 200
