"""The kiosk browser: open a session through the gateway, stream two TTS utterances to the
socket it was handed, keep it alive, close it."""

import base64
import json
import threading
import time
import urllib.request
import uuid

import e2e_support
from gateway.server import make_server
from websockets.sync.client import connect

server = make_server("127.0.0.1", 0)
threading.Thread(target=server.serve_forever, daemon=True).start()
BASE = f"http://127.0.0.1:{server.server_address[1]}"


def post(path):
    req = urllib.request.Request(BASE + path, data=b"{}", method="POST")
    with urllib.request.urlopen(req, timeout=20) as resp:
        raw = resp.read()
        return resp.status, (json.loads(raw) if raw else None)


status, opened = post("/voice/sessions")
assert status == 201, opened
with connect(opened["socket"]) as ws:
    assert json.loads(ws.recv(timeout=10))["type"] == "session.state_updated"
    for ms in (400, 600):
        event_id = str(uuid.uuid4())
        pcm = e2e_support.audio_chunk(ms=ms)
        for start in range(0, len(pcm), 9600):
            chunk = base64.b64encode(pcm[start : start + 9600]).decode()
            ws.send(json.dumps({"type": "agent.speak", "event_id": event_id, "audio": chunk}))
        ws.send(json.dumps({"type": "agent.speak_end", "event_id": event_id}))
        time.sleep(0.3)  # the next sentence comes out of the TTS a moment later

status, _ = post(f"/voice/sessions/{opened['session']}/keepalive")
assert status == 204
status, closed = post(f"/voice/sessions/{opened['session']}/close")
assert status == 200 and closed == {"closed": opened["session"]}, closed
server.shutdown()
