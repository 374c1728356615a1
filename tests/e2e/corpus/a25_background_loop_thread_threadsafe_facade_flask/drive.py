"""The kiosk front-end calls the hub's routes; the kiosk screen joins the returned room."""

import e2e_support
from kioskhub.web import app, shutdown

client = app.test_client()
opened = client.post("/kiosk/lobby/open")
assert opened.status_code == 200, opened.data
room = opened.get_json()
e2e_support.viewer.join(room["url"], room["access_token"])
assert client.post("/kiosk/lobby/say", json={"text": "Welcome to the museum."}).status_code == 200
assert (
    client.post(
        "/kiosk/lobby/say", json={"text": "The cafe is on level two.", "task_type": "repeat"}
    ).status_code
    == 200
)
assert client.post("/kiosk/lobby/stop").status_code == 200
assert client.post("/kiosk/lobby/say", json={"text": "gone"}).status_code == 404
shutdown()
