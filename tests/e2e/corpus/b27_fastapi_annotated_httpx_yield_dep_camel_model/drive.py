"""The React client: start (camelCase JSON), join the room, two repeats, stop."""

from e2e_support import viewer
from fastapi.testclient import TestClient
from service.main import app

client = TestClient(app)
r = client.post("/v1/avatar/start", json={"quality": "low"})
assert r.status_code == 200, r.text
info = r.json()
viewer.join(info["url"], info["accessToken"])
sid = info["sessionId"]
for text in ("Hi! I'm your onboarding buddy.", "Let's set up your laptop first."):
    r = client.post(f"/v1/avatar/{sid}/speak", json={"text": text, "taskType": "repeat"})
    assert r.status_code == 200, r.text
assert client.post(f"/v1/avatar/{sid}/stop").status_code == 200
