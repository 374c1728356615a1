"""The page creates an avatar, joins its room, makes it speak twice, closes it."""

from app import app
from e2e_support import viewer

client = app.test_client()
r = client.post("/avatars")
assert r.status_code == 200, r.get_data(as_text=True)
body = r.get_json()
viewer.join(body["livekit"]["url"], body["livekit"]["token"])
for line in ("Welcome to the lobby.", "Your host will be with you shortly."):
    r = client.post(f"/avatars/{body['id']}/say", json={"text": line})
    assert r.status_code == 200, r.get_data(as_text=True)
assert client.delete(f"/avatars/{body['id']}").status_code == 200
