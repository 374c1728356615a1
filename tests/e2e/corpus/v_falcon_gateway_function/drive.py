"""The SPA talks to the resources; its video element joins the room."""

import e2e_support
from app import app
from falcon import testing

client = testing.TestClient(app)
res = client.simulate_post("/sessions", json={})
assert res.status.startswith("201"), res.json
sid = res.json["session_id"]
e2e_support.viewer.join(res.json["livekit_url"], res.json["livekit_token"])
assert client.simulate_post(
    f"/sessions/{sid}/utterances", json={"text": "Hello from the API."}
).status.startswith("200")
assert client.simulate_post(
    f"/sessions/{sid}/utterances", json={"text": "What can you do?", "converse": True}
).status.startswith("200")
assert client.simulate_post(f"/sessions/{sid}/utterances", json={}).status.startswith("400")
assert client.simulate_post(f"/sessions/{sid}/interrupt").json == {"ok": True}
assert client.simulate_delete(f"/sessions/{sid}").status.startswith("204")
