"""The shop's page: a promo video, then the live assistant (Flask cookie session)."""

import e2e_support
from webapp import create_app

app = create_app()
app.secret_key = "test"  # set by the deployment
client = app.test_client()

r = client.post(
    "/api/video/generate", json={"avatar_id": "Daisy-inskirt-20220818", "script": "Big sale today!"}
)
assert r.status_code == 200, r.text
video_id = r.get_json()["video_id"]
assert client.get(f"/api/video/status/{video_id}").get_json()["status"] == "completed"

r = client.post("/api/avatar/start", json={"quality": "low"})
assert r.status_code == 200, r.text
room = r.get_json()
e2e_support.viewer.join(room["livekitUrl"], room["livekitToken"])
assert client.post("/api/avatar/speak", json={"text": "Welcome to the shop!"}).status_code == 200
assert client.post("/api/avatar/interrupt").status_code == 200
assert client.post("/api/avatar/speak", json={"text": "Everything is 20% off."}).status_code == 200
assert client.post("/api/avatar/stop").status_code == 200
