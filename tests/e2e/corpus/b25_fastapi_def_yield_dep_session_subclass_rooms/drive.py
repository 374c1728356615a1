"""The booth's frontend: open a room, show it, talk, keep it alive, close it."""

import os

import e2e_support
from fastapi.testclient import TestClient
from roomsvc.api import app

client = TestClient(app)
r = client.post(
    "/rooms",
    json={"avatar_id": os.environ["BOOTH_AVATAR"], "knowledge_base_id": os.environ["BOOTH_KB"]},
)
assert r.status_code == 201, r.text
room = r.json()
e2e_support.viewer.join(room["livekit"]["url"], room["livekit"]["token"])
rid = room["room_id"]
assert client.post(f"/rooms/{rid}/say", json={"text": "Welcome to our booth!"}).json()["ok"]
assert client.post(f"/rooms/{rid}/ask", json={"text": "What do you sell?"}).json()["ok"]
assert client.post(f"/rooms/{rid}/heartbeat").json()["ok"]
assert client.delete(f"/rooms/{rid}").json()["ok"]
assert client.post(f"/rooms/{rid}/say", json={"text": "gone"}).status_code == 404
