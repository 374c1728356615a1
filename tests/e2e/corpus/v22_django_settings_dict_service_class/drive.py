"""A visitor's browser session hitting the avatar endpoints."""

import json

import e2e_support
from avatar_app.http import Request
from avatar_app.urls import dispatch

session = {}


def call(method, path, payload=None):
    body = json.dumps(payload).encode() if payload is not None else b""
    resp = dispatch(Request(method, path, body=body, session=session))
    assert resp.status_code == 200, (path, resp.status_code, resp.content)
    return json.loads(resp.content)


room = call("POST", "/avatar/start/")
e2e_support.viewer.join(room["url"], room["token"])
call("POST", "/avatar/say/", {"text": "Hello from the museum guide."})
call("POST", "/avatar/interrupt/")
call("POST", "/avatar/say/", {"text": "Follow me to the next room."})
assert call("POST", "/avatar/close/") == {"closed": True}
assert "heygen_session_id" not in session
