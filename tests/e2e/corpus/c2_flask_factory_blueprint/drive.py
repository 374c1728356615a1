"""The single-page frontend: start, fetch the room, speak twice, stop."""

import e2e_support
from avatar_app import create_app

app = create_app()
client = app.test_client()

r = client.post("/avatar/start", json={"user": "alice"})
assert r.status_code == 201, r.get_data(as_text=True)
r = client.get("/avatar/room?user=alice")
assert r.status_code == 200, r.get_data(as_text=True)
room = r.get_json()
e2e_support.viewer.join(room["url"], room["token"])

for line in ("Hi Alice, nice to see you again.", "Your order has shipped."):
    r = client.post("/avatar/say", json={"user": "alice", "text": line})
    assert r.status_code == 204, r.get_data(as_text=True)

r = client.post("/avatar/stop", json={"user": "alice"})
assert r.status_code == 200, r.get_data(as_text=True)
assert r.get_json() == {"stopped": True}
