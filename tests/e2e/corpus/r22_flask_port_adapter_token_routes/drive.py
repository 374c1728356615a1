"""The React widget: token first, then the stream with it, and the token on every later call."""

import e2e_support
from avatar_app import create_app

client = create_app().test_client()


def call(path, **body):
    resp = client.post(path, json=body)
    assert resp.status_code == 200, (path, resp.status_code, resp.get_data(as_text=True))
    return resp.get_json()


token = call("/api/token")["token"]
stream = call("/api/stream", token=token)
e2e_support.viewer.join(stream["server_url"], stream["viewer_token"])
sid = stream["session_id"]
call("/api/speak", token=token, session_id=sid, text="Hi, I am the onboarding guide.")
call(
    "/api/speak", token=token, session_id=sid, text="How do I reset my password?", task_type="chat"
)
call("/api/interrupt", token=token, session_id=sid)
call("/api/stop", token=token, session_id=sid)
