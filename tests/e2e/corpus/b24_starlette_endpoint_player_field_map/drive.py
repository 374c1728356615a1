"""The website widget: create a session, connect the player, say a line, close."""

import e2e_support
from embed.app import app
from starlette.testclient import TestClient

with TestClient(app) as widget:
    created = widget.post("/sessions")
    assert created.status_code == 201, created.text
    player = created.json()
    assert set(player) == {"server", "token", "room"}, player
    e2e_support.viewer.join(player["server"], player["token"])
    said = widget.post(f"/sessions/{player['room']}", json={"text": "Hi, how can I help?"})
    assert said.status_code == 204, said.text
    assert widget.delete(f"/sessions/{player['room']}").status_code == 204
