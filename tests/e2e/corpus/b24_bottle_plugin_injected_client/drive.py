"""The lobby tablet calls the WSGI app the way a browser would, through the server."""

import io
import json

import e2e_support
from greeter.app import app


def call(method, path, body=None):
    raw = json.dumps(body).encode() if body is not None else b""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "CONTENT_LENGTH": str(len(raw)),
        "CONTENT_TYPE": "application/json",
        "wsgi.input": io.BytesIO(raw),
    }
    seen = {}

    def start_response(status, headers):
        seen["status"] = int(status.split()[0])

    out = b"".join(app(environ, start_response))
    return seen["status"], json.loads(out) if out else None


status, room = call("POST", "/rooms")
assert status == 201, room
e2e_support.viewer.join(room["server"], room["token"])
sid = room["id"]

assert call("POST", f"/rooms/{sid}/say", {"text": "Welcome to the lobby!"})[0] == 200
assert call("POST", f"/rooms/{sid}/say", {})[0] == 400
assert call("POST", f"/rooms/{sid}/hush")[0] == 200
assert call("POST", f"/rooms/{sid}/ping")[0] == 200
assert call("POST", f"/rooms/{sid}/say", {"text": "Lifts are to the right."})[0] == 200
assert call("GET", "/health") == (200, {"rooms": 1})
assert call("DELETE", f"/rooms/{sid}") == (200, {"closed": sid})
assert call("DELETE", f"/rooms/{sid}")[0] == 404
