"""The studio renders a promo, then goes live for a moment."""

from e2e_support import viewer
from studio import create_app

client = create_app().test_client()
r = client.post("/videos/render", json={"avatar_id": "Daisy-inskirt-20220818", "script": "Hi!"})
assert r.status_code == 200, r.text
assert client.get(f"/videos/{r.get_json()['video_id']}").get_json()["status"] == "completed"

r = client.post("/live/start")
assert r.status_code == 200, r.text
room = r.get_json()
viewer.join(room["url"], room["token"])
assert client.post(f"/live/{room['room']}/say", json={"text": "We are live!"}).status_code == 200
assert client.post(f"/live/{room['room']}/stop").status_code == 200
