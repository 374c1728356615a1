"""One browser (its cookie jar in the test client): create, fetch the room, talk, close."""

import e2e_support
from app import app

browser = app.test_client()
assert browser.get("/api/avatar/room").status_code == 409

created = browser.post("/api/avatar")
assert created.status_code == 201, created.get_data(as_text=True)
room = browser.get("/api/avatar/room").get_json()
e2e_support.viewer.join(room["url"], room["token"])

assert browser.post("/api/avatar/say", json={"text": "Today we learn fractions."}).get_json()["ok"]
assert browser.post("/api/avatar/ping").get_json()["ok"]
assert browser.post("/api/avatar/interrupt").get_json()["ok"]
assert browser.post("/api/avatar/say", json={"text": "Let's start with halves."}).get_json()["ok"]
assert browser.delete("/api/avatar").status_code == 204
assert browser.post("/api/avatar/say", json={"text": "gone"}).status_code == 409
