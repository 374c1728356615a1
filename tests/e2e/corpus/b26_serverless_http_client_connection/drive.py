"""The frontend calls the function over HTTP."""

import json
import threading
import urllib.request
from http.server import ThreadingHTTPServer

from api.avatar import handler
from e2e_support import viewer

server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"


def post(path, payload):
    req = urllib.request.Request(base + path, data=json.dumps(payload).encode(), method="POST")
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


try:
    room = post("/api/avatar/start", {})
    assert "error" not in room, room
    viewer.join(room["livekitUrl"], room["accessToken"])
    assert post("/api/avatar/say", {"sessionId": room["sessionId"], "text": "Hello!"}) == {
        "ok": True
    }
    assert post("/api/avatar/stop", {"sessionId": room["sessionId"]}) == {"ok": True}
finally:
    server.shutdown()
