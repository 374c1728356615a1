"""The web server runs the CGI script once per request; the display page polls for the room."""

import json
import os
import subprocess
import sys

import e2e_support


def cgi(method, path, query="", body=None):
    raw = json.dumps(body) if body is not None else ""
    env = dict(
        os.environ,
        GATEWAY_INTERFACE="CGI/1.1",
        REQUEST_METHOD=method,
        SCRIPT_NAME="/cgi-bin/avatar.py",
        PATH_INFO=path,
        QUERY_STRING=query,
        CONTENT_LENGTH=str(len(raw)) if raw else "",
        CONTENT_TYPE="application/json",
    )
    proc = subprocess.run(
        [sys.executable, "cgi-bin/avatar.py"],
        input=raw,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    head, _, out = proc.stdout.replace("\r\n", "\n").partition("\n\n")
    status = int(head.splitlines()[0].split()[1])
    return status, json.loads(out)


status, opened = cgi("POST", "/open")
assert status == 200, opened
sid = opened["sid"]

status, room = cgi("GET", "/room", query=f"sid={sid}")
assert status == 200, room
e2e_support.viewer.join(room["url"], room["token"])

assert cgi("POST", "/say", body={"sid": sid, "text": "Welcome to the city library."})[0] == 200
assert (
    cgi("POST", "/say", body={"sid": sid, "text": "Where are the atlases?", "mode": "chat"})[0]
    == 200
)
assert cgi("POST", "/say", body={"sid": "nope", "text": "x"})[0] == 404
assert cgi("POST", "/close", body={"sid": sid}) == (200, {"closed": sid})
assert cgi("GET", "/room", query=f"sid={sid}")[0] == 404
