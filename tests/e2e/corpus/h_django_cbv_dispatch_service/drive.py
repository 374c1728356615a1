"""The browser talking to the Django views: open, speak twice, interrupt, close."""

import json

import e2e_support
from avatars.urls import resolve
from avatars.views import Request

browser_session: dict = {}


def call(method, path, body=None):
    request = Request(method, json.dumps(body or {}).encode(), browser_session)
    response = resolve(path)(request)
    assert response.status_code < 400, (path, response.status_code, response.content)
    return json.loads(response.content)


room = call("POST", "/avatar/session/")
e2e_support.viewer.join(room["url"], room["access_token"])
call("POST", "/avatar/say/", {"text": "Good morning and welcome to the clinic."})
call("POST", "/avatar/say/", {"text": "Please take a seat, the doctor will be with you shortly."})
call("POST", "/avatar/interrupt/")
assert call("DELETE", "/avatar/session/") == {"closed": True}
assert "heygen_session" not in browser_session
