"""Zero-dependency-ish kiosk backend (stdlib http.server + requests).

    HEYGEN_API_KEY=... python kiosk_server.py 8080

POST /session            -> {"id", "room", "token"} for the kiosk page's livekit-client
POST /session/<id>/say   {"text": "..."}
POST /session/<id>/stop
"""
import json
import os
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

HEYGEN_URL = "https://api.heygen.com/v1/"
API_KEY = os.getenv("HEYGEN_API_KEY")
AVATAR = os.getenv("KIOSK_AVATAR", "Anna_public_3_20240108")


class AttrDict(dict):
    """d.key instead of d["key"]"""

    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__


class UpstreamError(Exception):
    pass


def heygen(endpoint, **body):
    r = requests.post(HEYGEN_URL + endpoint, json=body, headers={"X-Api-Key": API_KEY}, timeout=30)
    res = AttrDict(r.json())
    if r.status_code != 200 or res.get("code") != 100:
        raise UpstreamError(f"{endpoint}: {res.get('message', r.status_code)}")
    return res


def open_session():
    res = heygen("streaming.new", avatar_id=AVATAR, quality="medium", version="v2")
    info = AttrDict(res.data)
    heygen("streaming.start", session_id=info.session_id)
    return {"id": info.session_id, "room": info.url, "token": info.access_token}


def say(session_id, text):
    heygen("streaming.task", session_id=session_id, text=text, task_type="repeat")


def stop(session_id):
    heygen("streaming.stop", session_id=session_id)


ROUTES = [
    (re.compile(r"^/session$"), lambda m, body: open_session()),
    (re.compile(r"^/session/([\w-]+)/say$"), lambda m, body: say(m.group(1), body["text"]) or {"ok": True}),
    (re.compile(r"^/session/([\w-]+)/stop$"), lambda m, body: stop(m.group(1)) or {"ok": True}),
]


class Handler(BaseHTTPRequestHandler):
    def _send(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        for pattern, handler in ROUTES:
            m = pattern.match(self.path)
            if m:
                try:
                    return self._send(200, handler(m, body))
                except UpstreamError as exc:
                    return self._send(502, {"error": str(exc)})
                except KeyError as exc:
                    return self._send(400, {"error": f"missing {exc}"})
        self._send(404, {"error": "not found"})

    def log_message(self, fmt, *args):
        pass


def serve(port=8080):
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"kiosk backend on http://127.0.0.1:{server.server_port}")
    return server


if __name__ == "__main__":
    serve(int(sys.argv[1]) if len(sys.argv) > 1 else 8080).serve_forever()
