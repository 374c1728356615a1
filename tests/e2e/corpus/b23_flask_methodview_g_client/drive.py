"""The kiosk front-end: voices, open a session, watch it, speak, cut in, close."""

import e2e_support
from kiosk import create_app

app = create_app("config.TestingConfig")
client = app.test_client()
HEADERS = {"X-Kiosk-Token": "lobby-kiosk"}

assert client.post("/api/sessions").status_code == 401

r = client.get("/api/voices", headers=HEADERS)
assert r.status_code == 200, r.get_data(as_text=True)
assert r.get_json()[0]["name"] == "Anna"

r = client.post("/api/sessions", json={}, headers=HEADERS)
assert r.status_code == 201, r.get_data(as_text=True)
room = r.get_json()
e2e_support.viewer.join(room["url"], room["access_token"])
sid = room["session_id"]

r = client.post(
    f"/api/sessions/{sid}/speech", json={"text": "Welcome to the lobby."}, headers=HEADERS
)
assert r.status_code == 204, r.get_data(as_text=True)
r = client.delete(f"/api/sessions/{sid}/speech", headers=HEADERS)
assert r.status_code == 204, r.get_data(as_text=True)
r = client.post(
    f"/api/sessions/{sid}/speech", json={"text": "Reception is on the left."}, headers=HEADERS
)
assert r.status_code == 204, r.get_data(as_text=True)

r = client.delete(f"/api/sessions/{sid}", headers=HEADERS)
assert r.status_code == 200, r.get_data(as_text=True)
assert r.get_json() == {"closed": sid}
