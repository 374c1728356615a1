"""`pserve development.ini` in-process: the WSGI app from the INI settings, called like WebTest."""

import io
import json

import e2e_support
from avatar_app import main
from pyramid.paster import get_appsettings

app = main({}, **get_appsettings("development.ini"))


def call(method, path, body=None):
    raw = json.dumps(body).encode() if body is not None else b""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "CONTENT_LENGTH": str(len(raw)),
        "wsgi.input": io.BytesIO(raw),
    }
    seen = {}

    def start_response(status, headers):
        seen["status"] = int(status.split()[0])

    out = json.loads(b"".join(app(environ, start_response)))
    return seen["status"], out


status, room = call("POST", "/api/sessions")
assert status == 201, room
sid = room["session_id"]
status, again = call("GET", f"/api/sessions/{sid}")
assert status == 200 and again == {"url": room["url"], "token": room["token"]}, again
e2e_support.viewer.join(again["url"], again["token"])

assert call("POST", f"/api/sessions/{sid}/speech", {"text": "Good morning, Pyramid!"})[0] == 200
assert call("POST", f"/api/sessions/{sid}/speech", {})[0] == 400
assert call("DELETE", f"/api/sessions/{sid}/speech") == (200, {"interrupted": sid})
assert call("POST", f"/api/sessions/{sid}/speech", {"text": "Back to you."})[0] == 200
assert call("DELETE", f"/api/sessions/{sid}") == (200, {"closed": sid})
assert call("GET", f"/api/sessions/{sid}")[0] == 404
