"""The concierge web page: open with a greeting, watch in LiveKit Meet, ask, close."""

from urllib.parse import parse_qs, urlsplit

import e2e_support
from concierge.main import app
from fastapi.testclient import TestClient

client = TestClient(app)
KEY = {"X-App-Key": "concierge-dev"}

assert client.post("/avatar/sessions", json={}).status_code in (401, 403)

r = client.post("/avatar/sessions", json={"greeting": "Good evening, welcome."}, headers=KEY)
assert r.status_code == 201, r.text
opened = r.json()

r = client.get(opened["watch_url"], headers=KEY, follow_redirects=False)
assert r.status_code == 307, r.text
link = urlsplit(r.headers["location"])
assert link.netloc == "meet.livekit.io", link
query = parse_qs(link.query)
e2e_support.viewer.join(query["liveKitUrl"][0], query["token"][0])

sid = opened["session_id"]
r = client.post(
    f"/avatar/sessions/{sid}/say", json={"text": "Your room is on floor 4."}, headers=KEY
)
assert r.status_code == 202, r.text
r = client.post(
    f"/avatar/sessions/{sid}/say",
    json={"text": "Is breakfast included?", "mode": "chat"},
    headers=KEY,
)
assert r.status_code == 202, r.text

r = client.delete(f"/avatar/sessions/{sid}", headers=KEY)
assert r.status_code == 204, r.text
