"""Serve the function locally (like `vercel dev`) and call it as the page does."""

import json
import threading
import urllib.request
from http.server import ThreadingHTTPServer

from api.token import handler

server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
thread = threading.Thread(target=server.serve_forever, daemon=True)
thread.start()
try:
    port = server.server_address[1]
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/token", method="POST", data=b"")
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert resp.status == 200
        assert resp.headers["Access-Control-Allow-Origin"] == "*"
        body = json.loads(resp.read())
    assert isinstance(body["token"], str) and body["token"]
    assert body["avatarId"]
finally:
    server.shutdown()
    server.server_close()
