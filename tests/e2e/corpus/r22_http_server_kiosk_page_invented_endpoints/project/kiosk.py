"""Lobby kiosk: serves the avatar page and proxies what the visitor types.

    python kiosk.py            # then open http://localhost:8088/
"""
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from heygen_api import StreamingAPI
from page import render

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
log = logging.getLogger("kiosk")

_lock = threading.Lock()
STATE = {"api": None, "session": None}


def current_session():
    with _lock:
        if STATE["api"] is None:
            STATE["api"] = StreamingAPI()
        if STATE["session"] is None:
            info = STATE["api"].new_session()
            STATE["api"].start(info["session_id"])
            STATE["session"] = info
        return STATE["api"], STATE["session"]


class KioskHandler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):  # route through logging instead of stderr
        log.info(fmt, *args)

    def _reply(self, status, body, ctype="application/json"):
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path != "/":
            return self._reply(404, {"error": "not found"})
        _api, session = current_session()
        self._reply(200, render(session, title="Welcome"), "text/html; charset=utf-8")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        text = self.rfile.read(length).decode().strip()
        api, session = current_session()
        sid = session["session_id"]
        if self.path == "/say":
            if not text:
                return self._reply(400, {"error": "empty"})
            task_id = api.speak(sid, text)
            return self._reply(200, {"task_id": task_id})
        if self.path == "/hush":
            api.interrupt(sid)
            return self._reply(200, {"ok": True})
        if self.path == "/close":
            with _lock:
                api.stop(sid)
                STATE["session"] = None
            return self._reply(200, {"ok": True})
        self._reply(404, {"error": "not found"})


def make_server(port=8088):
    return ThreadingHTTPServer(("127.0.0.1", port), KioskHandler)


if __name__ == "__main__":
    make_server().serve_forever()
