"""The browser opens a session, joins the room, says two lines with an interrupt between, closes."""

from avatar_api.main import app
from e2e_support import viewer
from fastapi.testclient import TestClient

client = TestClient(app)
r = client.post("/api/avatar/sessions")
assert r.status_code == 200, r.text
session = r.json()
viewer.join(session["url"], session["access_token"])
sid = session["session_id"]
r = client.post(f"/api/avatar/sessions/{sid}/speak", json={"text": "Welcome to the showroom."})
assert r.status_code == 200, r.text
assert client.post(f"/api/avatar/sessions/{sid}/interrupt").status_code == 200
r = client.post(f"/api/avatar/sessions/{sid}/speak", json={"text": "Take a look around."})
assert r.status_code == 200, r.text
assert client.delete(f"/api/avatar/sessions/{sid}").status_code == 200
