"""The browser opens a session, joins with the returned credentials, speaks twice, closes."""

from app.main import app
from e2e_support import viewer
from fastapi.testclient import TestClient

client = TestClient(app)
r = client.post("/api/avatar/sessions")
assert r.status_code == 200, r.text
session = r.json()
viewer.join(session["url"], session["access_token"])
sid = session["session_id"]
r = client.post(f"/api/avatar/sessions/{sid}/speak", json={"text": "Hi, I'm your guide today."})
assert r.status_code == 200, r.text
r = client.post(f"/api/avatar/sessions/{sid}/speak", json={"text": "Let's begin."})
assert r.status_code == 200, r.text
assert client.post(f"/api/avatar/sessions/{sid}/speak", json={"text": ""}).status_code == 422
assert client.delete(f"/api/avatar/sessions/{sid}").status_code == 204
