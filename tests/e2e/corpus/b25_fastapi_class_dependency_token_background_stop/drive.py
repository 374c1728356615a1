"""The help-desk page: open, say a couple of lines, say goodbye (closed in the background)."""

import e2e_support
from fastapi.testclient import TestClient
from svc.main import app

client = TestClient(app)
r = client.post("/avatar")
assert r.status_code == 200, r.text
opened = r.json()
e2e_support.viewer.join(opened["livekit_url"], opened["livekit_token"])
sid = opened["session_id"]
r = client.post(f"/avatar/{sid}/say", params={"text": "Hi, how can I help you today?"})
assert r.status_code == 200, r.text
r = client.post(f"/avatar/{sid}/goodbye")
assert r.status_code == 200 and r.json()["closing"], r.text
