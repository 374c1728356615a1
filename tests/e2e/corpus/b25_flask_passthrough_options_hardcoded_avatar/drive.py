"""The page asks for a session with its own quality and our default avatar."""

import e2e_support
from avatar_proxy import app

app.testing = True  # the page's test setup: errors propagate instead of a 500 page
client = app.test_client()
r = client.post("/proxy/session", json={"quality": "high"})
assert r.status_code == 200, r.text
room = r.get_json()
e2e_support.viewer.join(room["url"], room["token"])
assert (
    client.post(f"/proxy/session/{room['session_id']}/say", json={"text": "Hi!"}).status_code == 200
)
assert client.post(f"/proxy/session/{room['session_id']}/close").status_code == 200
