"""The kiosk page: reads the SSE stream for the room, joins it, then talks and leaves."""

import json

import e2e_support
from kiosk_sse.app import app
from starlette.testclient import TestClient

with TestClient(app) as client:
    events = {}
    with client.stream("GET", "/avatar/stream") as stream:
        kind = None
        for line in stream.iter_lines():
            if line.startswith("event: "):
                kind = line.removeprefix("event: ")
            elif line.startswith("data: ") and kind:
                events[kind] = json.loads(line.removeprefix("data: "))
    room = events["room"]
    e2e_support.viewer.join(room["url"], room["token"])
    said = client.post(
        f"/avatar/{room['session']}/say", json={"text": "Tap the screen to start the tour."}
    )
    assert said.status_code == 200, said.text
    assert client.delete(f"/avatar/{room['session']}").status_code == 204
