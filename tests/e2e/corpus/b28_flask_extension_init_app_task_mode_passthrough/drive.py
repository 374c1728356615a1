"""The page opens a session, joins the room, says two lines, keeps it alive, interrupts, closes."""

from avatarsvc import create_app
from e2e_support import viewer

app = create_app("avatarsvc.config.TestConfig")
client = app.test_client()
r = client.post("/avatar/session", json={})
assert r.status_code == 201, r.get_data(as_text=True)
info = r.get_json()
viewer.join(info["livekit"]["url"], info["livekit"]["token"])
sid = info["sessionId"]
r = client.post(f"/avatar/session/{sid}/say", json={"text": "Welcome to the museum."})
assert r.status_code == 200, r.get_data(as_text=True)
assert client.post(f"/avatar/session/{sid}/keepalive").status_code == 200
r = client.post(
    f"/avatar/session/{sid}/say", json={"text": "This room holds the maps.", "mode": "repeat"}
)
assert r.status_code == 200, r.get_data(as_text=True)
assert client.post(f"/avatar/session/{sid}/interrupt").status_code == 200
assert (
    client.post(f"/avatar/session/{sid}/say", json={"text": "x", "mode": "sing"}).status_code == 400
)
assert client.delete(f"/avatar/session/{sid}").status_code == 204
