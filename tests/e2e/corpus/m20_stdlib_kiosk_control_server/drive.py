"""The kiosk's touch-screen page drives the control server over HTTP on localhost."""

import json
import threading
import urllib.error
import urllib.request
from http.server import ThreadingHTTPServer

from e2e_support import viewer
from kiosk.server import KioskHandler

server = ThreadingHTTPServer(("127.0.0.1", 0), KioskHandler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"


def call(method, path, payload=None):
    data = None if payload is None else json.dumps(payload).encode()
    req = urllib.request.Request(
        base + path, data=data, headers={"Content-Type": "application/json"}, method=method
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        raise RuntimeError(f"{method} {path}: {exc.code} {exc.read().decode()}") from None


try:
    assert call("GET", "/status") == {"ok": True, "sessions": 0}
    assert call("GET", "/voices")["voices"], "no voices"
    opened = call("POST", "/sessions", {"idle_timeout": 120})
    viewer.join(opened["livekit"]["url"], opened["livekit"]["token"])  # the touch screen
    sid = opened["session_id"]
    call("POST", f"/sessions/{sid}/say", {"text": "Welcome to the dinosaur hall."})
    call("POST", f"/sessions/{sid}/say", {"text": "This is a T. rex skull.", "interrupt": True})
    call("POST", f"/sessions/{sid}/keepalive", {})
    assert call("DELETE", f"/sessions/{sid}") == {"stopped": True}
    assert call("GET", "/status")["sessions"] == 0
finally:
    server.shutdown()
