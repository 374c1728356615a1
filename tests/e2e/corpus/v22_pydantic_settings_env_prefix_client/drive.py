from e2e_support import viewer
from heygen_stream import HeyGenStreamingClient

client = HeyGenStreamingClient()
session = client.create_session(quality="low")
client.start_session(session.session_id)
viewer.join(session.url, session.access_token)

client.speak(session.session_id, "Welcome to the demo booth.")
client.speak(session.session_id, "Tell me a fun fact about octopuses.", task_type="talk")
client.interrupt(session.session_id)
client.close_session(session.session_id)
