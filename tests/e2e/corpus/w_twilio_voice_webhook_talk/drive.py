"""One phone call as Twilio posts it, and the lobby screen polling for the room."""

import e2e_support
from app import app

twilio = app.test_client()
screen = app.test_client()
call = {"CallSid": "CA5e1f", "From": "+15555550123", "To": "+15555550100"}

assert screen.get("/screen").get_json() == {"live": False}
twiml = twilio.post("/voice", data=call).get_data(as_text=True)
assert "<Gather" in twiml and 'action="/gather"' in twiml, twiml

room = screen.get("/screen").get_json()
assert room["live"], room
e2e_support.viewer.join(room["url"], room["token"])

for said in ["What time does the gym open?", "And is there parking?"]:
    twiml = twilio.post("/gather", data={**call, "SpeechResult": said, "Confidence": "0.92"})
    assert "<Gather" in twiml.get_data(as_text=True)
assert twilio.post("/status", data={**call, "CallStatus": "completed"}).status_code == 204
assert screen.get("/screen").get_json() == {"live": False}
