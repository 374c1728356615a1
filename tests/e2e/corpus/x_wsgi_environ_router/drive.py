"""The page's fetch() calls, replayed against the WSGI callable the way the project's tests do."""

import io
import json
from wsgiref.util import setup_testing_defaults

import app
import e2e_support


def call(path: str, body: dict | None = None) -> dict:
    raw = json.dumps(body or {}).encode()
    environ: dict = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "CONTENT_LENGTH": str(len(raw)),
        "CONTENT_TYPE": "application/json",
        "wsgi.input": io.BytesIO(raw),
    }
    setup_testing_defaults(environ)
    seen: list[str] = []
    chunks = app.application(environ, lambda status, headers: seen.append(status))
    assert seen == ["200 OK"], (seen, b"".join(chunks))
    return json.loads(b"".join(chunks))


room = call("/session")
e2e_support.viewer.join(room["url"], room["access_token"])
sid = room["session_id"]
call("/session/speak", {"session_id": sid, "text": "Welcome to the open day!"})
call(
    "/session/speak",
    {"session_id": sid, "text": "Which courses run in the evening?", "mode": "chat"},
)
call("/session/interrupt", {"session_id": sid})
call("/session/keepalive", {"session_id": sid})
call("/session/close", {"session_id": sid})
