"""A browser against the WSGI app: open, join, speak, interrupt, list, speak, close."""

import io
import json
from wsgiref.util import setup_testing_defaults

from e2e_support import viewer
from wsgi import application


def call(method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else b""
    environ: dict = {"REQUEST_METHOD": method, "PATH_INFO": path}
    setup_testing_defaults(environ)
    environ.update({"wsgi.input": io.BytesIO(data), "CONTENT_LENGTH": str(len(data))})
    seen = {}

    def start_response(status: str, headers: list) -> None:
        seen["status"] = int(status.split()[0])

    out = b"".join(application(environ, start_response))
    return seen["status"], json.loads(out)


status, room = call("POST", "/sessions", {"quality": "low"})
assert status == 201, room
viewer.join(room["url"], room["token"])
assert call("POST", f"/sessions/{room['id']}/speak", {"text": "Hello from a WSGI app."})[0] == 200
assert call("POST", f"/sessions/{room['id']}/interrupt")[0] == 200
status, listing = call("GET", "/sessions")
assert status == 200 and len(listing["active"]) == 1, listing
assert (
    call("POST", f"/sessions/{room['id']}/speak", {"text": "Sorry, let me start over."})[0] == 200
)
assert call("DELETE", f"/sessions/{room['id']}")[0] == 200
