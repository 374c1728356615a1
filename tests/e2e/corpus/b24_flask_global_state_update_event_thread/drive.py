"""The office TV page polls the viewer route; someone types a line; the app is switched off."""

import time

import e2e_support
from screen_app import app

client = app.test_client()
assert client.get("/api/viewer").status_code == 404
on = client.post("/api/on")
assert on.status_code == 200, on.get_data(as_text=True)
assert client.post("/api/on").get_json() == on.get_json()  # idempotent
view = client.get("/api/viewer").get_json()
e2e_support.viewer.join(view["url"], view["token"])
assert client.post("/api/say", json={"text": "Stand-up in five minutes!"}).get_json() == {"said": 1}
time.sleep(0.3)  # one keep-alive from the pinger
assert client.post("/api/say", json={}).status_code == 400
assert client.post("/api/off").get_json() == {"off": True}
assert client.get("/api/viewer").status_code == 404
