"""The kiosk page opens a session, joins its room, greets, pings, says goodbye and closes."""

from e2e_support import viewer
from kiosk import create_app

app = create_app("config.TestingConfig")
client = app.test_client()
r = client.post("/kiosk/session")
assert r.status_code == 201, r.get_data(as_text=True)
info = r.get_json()
viewer.join(info["url"], info["access_token"])
sid = info["session_id"]
assert (
    client.post(f"/kiosk/session/{sid}/say", json={"text": "Hello, how can I help?"}).status_code
    == 200
)
assert client.post(f"/kiosk/session/{sid}/ping").status_code == 200
assert client.post(f"/kiosk/session/{sid}/say", json={"text": "Goodbye!"}).status_code == 200
assert client.delete(f"/kiosk/session/{sid}").status_code == 204
