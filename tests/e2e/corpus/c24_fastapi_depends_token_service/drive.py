"""The page asks for a session, joins its room, then closes it."""

import os

import e2e_support
from api.app import app
from fastapi.testclient import TestClient

client = TestClient(app)
r = client.post("/sessions", params={"avatar_id": os.environ["AVATAR_ID"]})
assert r.status_code == 200, r.text
room = r.json()
e2e_support.viewer.join(room["url"], room["token"])
r = client.post(f"/sessions/{room['session_id']}/close")
assert r.status_code == 200, r.text
