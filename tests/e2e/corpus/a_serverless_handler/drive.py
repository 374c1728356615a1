"""The frontend calls the serverless function over HTTP, as in production."""

import json
import threading
import urllib.error
import urllib.request
from http.server import ThreadingHTTPServer

from api.avatar import handler
from e2e_support import viewer

server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"


def call(path, payload):
    req = urllib.request.Request(
        base + path,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        raise RuntimeError(f"{path}: {exc.code} {exc.read().decode()}") from None


try:
    session = call("/api/avatar/start", {})
    viewer.join(session["url"], session["access_token"])
    call(
        "/api/avatar/speak",
        {"session_id": session["session_id"], "text": "Hi! Ask me about our pricing."},
    )
    call(
        "/api/avatar/speak",
        {"session_id": session["session_id"], "text": "Is there a free tier?", "task_type": "chat"},
    )
    call("/api/avatar/stop", {"session_id": session["session_id"]})
finally:
    server.shutdown()
