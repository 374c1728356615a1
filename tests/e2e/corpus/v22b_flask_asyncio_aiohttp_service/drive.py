"""Browser flow: start a session, join the room, speak twice, stop."""

import e2e_support
from app import app

client = app.test_client()

r = client.post("/api/session/start", json={})
assert r.status_code == 200, r.get_data(as_text=True)
creds = r.get_json()
session_id = creds["session_id"]
e2e_support.viewer.join(creds["url"], creds["access_token"])

r = client.post("/speak", json={"session_id": session_id, "text": "Welcome to the museum tour."})
assert r.status_code == 200, r.get_data(as_text=True)
r = client.post("/speak", json={"session_id": session_id, "text": "Please follow me to hall two."})
assert r.status_code == 200, r.get_data(as_text=True)

r = client.post("/stop", json={"session_id": session_id})
assert r.status_code == 200, r.get_data(as_text=True)
assert r.get_json()["stopped"] is True
