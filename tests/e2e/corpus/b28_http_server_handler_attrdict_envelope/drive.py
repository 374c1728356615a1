"""The kiosk page against the running backend (a real local HTTP server)."""

import json
import threading
import urllib.request

import kiosk_server
from e2e_support import viewer

server = kiosk_server.serve(0)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_port}"


def post(path, body=None):
    request = urllib.request.Request(
        base + path, data=json.dumps(body or {}).encode(), method="POST",
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


status, session = post("/session")
assert status == 200, session
viewer.join(session["room"], session["token"])
assert post(f"/session/{session['id']}/say", {"text": "Welcome! Tap to start."})[0] == 200
assert post(f"/session/{session['id']}/say", {})[0] == 400
assert post(f"/session/{session['id']}/say", {"text": "Your number is 42."})[0] == 200
assert post(f"/session/{session['id']}/stop")[0] == 200
server.shutdown()
