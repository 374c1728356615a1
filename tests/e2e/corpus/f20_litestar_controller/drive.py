"""The widget: open a room, the page reloads and fetches it again, speak, interrupt, close."""

import e2e_support
from avatar_api.app import app
from litestar.testing import TestClient

with TestClient(app) as client:
    opened = client.post("/avatar/sessions", json={})
    assert opened.status_code == 201, opened.json()
    sid = opened.json()["session_id"]
    room = client.get(f"/avatar/sessions/{sid}").json()
    e2e_support.viewer.join(room["server_url"], room["token"])
    assert client.post(f"/avatar/sessions/{sid}/speak", json={"text": "Hello there!"}).json()[
        "task_id"
    ]
    assert client.post(f"/avatar/sessions/{sid}/interrupt").json()["ok"]
    assert client.delete(f"/avatar/sessions/{sid}").status_code == 204
