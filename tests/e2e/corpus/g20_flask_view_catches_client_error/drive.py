"""The browser's calls: open a session, join its room, say two lines, stop."""

import e2e_support
from app import app

client = app.test_client()
created = client.post("/session")
assert created.status_code == 200, created.get_json()
session = created.get_json()
e2e_support.viewer.join(session["url"], session["token"])
for line in ("Welcome to the demo.", "Ask me anything."):
    spoken = client.post("/say", json={"session_id": session["session_id"], "text": line})
    assert spoken.status_code == 200, spoken.get_json()
stopped = client.post("/stop", json={"session_id": session["session_id"]})
assert stopped.status_code == 200
