"""What the kiosk page does: ask for a session, join its room, send a line, stop."""

import e2e_support
from server import app

client = app.test_client()
created = client.post("/api/session")
assert created.status_code == 200, created.get_data(as_text=True)
assert created.headers["Cache-Control"] == "no-store"
session = created.get_json()
e2e_support.viewer.join(session["url"], session["access_token"])
said = client.post(
    "/api/say", json={"session_id": session["session_id"], "text": "Welcome to the kiosk."}
)
assert said.status_code == 200
client.post("/api/stop", json={"session_id": session["session_id"]})
