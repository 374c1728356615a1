"""The demo page: open a session, fetch the join info separately, talk, close."""

import os
import tempfile

import e2e_support
from app import create_app

client = create_app(os.path.join(tempfile.mkdtemp(), "avatar.db")).test_client()
r = client.post("/sessions", headers={"X-User": "ana"})
assert r.status_code == 201, r.text
sid = r.get_json()["session_id"]
join = client.get(f"/sessions/{sid}/join").get_json()
e2e_support.viewer.join(join["server_url"], join["participant_token"])
assert client.post(f"/sessions/{sid}/say", json={"text": "Hi Ana!"}).get_json()["ok"]
assert client.post(f"/sessions/{sid}/close").get_json()["ok"]
assert client.get(f"/sessions/{sid}/join").status_code == 404
