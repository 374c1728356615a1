"""Kiosk control server. The touch screen's page talks to this on localhost.

    python -m kiosk.server --port 8808
"""
import argparse
import json
import logging
import os
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import heygen_api
from .registry import SessionRegistry

log = logging.getLogger("kiosk")
REGISTRY = SessionRegistry()
AVATAR_ID = os.environ.get("KIOSK_AVATAR_ID", "Anna_public_3_20240108")
SESSION_PATH = re.compile(r"^/sessions/([^/]+)(?:/(say|keepalive))?$")


class KioskHandler(BaseHTTPRequestHandler):
    server_version = "kiosk/0.3"

    def log_message(self, fmt, *args):  # route the noisy default logging through logging
        log.debug("%s - %s", self.address_string(), fmt % args)

    def _json(self, status, payload):
        raw = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if not length:
            return {}
        try:
            return json.loads(self.rfile.read(length))
        except ValueError:
            return {}

    def do_GET(self):
        if self.path == "/status":
            return self._json(200, {"ok": True, "sessions": REGISTRY.count()})
        if self.path.startswith("/voices"):
            lang = None
            if "?lang=" in self.path:
                lang = self.path.split("?lang=", 1)[1]
            try:
                voices = heygen_api.list_voices(lang)
            except RuntimeError as exc:
                return self._json(502, {"error": str(exc)})
            return self._json(200, {"voices": [v["voice_id"] for v in voices]})
        self._json(404, {"error": "not found"})

    def do_POST(self):
        if self.path == "/sessions":
            opts = self._body()
            try:
                data = heygen_api.open_session(
                    opts.get("avatar_id") or AVATAR_ID,
                    voice_id=opts.get("voice_id"),
                    idle_timeout=opts.get("idle_timeout"),
                )
            except RuntimeError as exc:
                return self._json(502, {"error": str(exc)})
            REGISTRY.add(data["session_id"], data)
            return self._json(201, {
                "session_id": data["session_id"],
                "livekit": {"url": data["url"], "token": data["access_token"]},
            })
        m = SESSION_PATH.match(self.path)
        if not m or not REGISTRY.get(m.group(1)):
            return self._json(404, {"error": "unknown session"})
        session_id, action = m.group(1), m.group(2)
        REGISTRY.touch(session_id)
        if action == "say":
            body = self._body()
            if body.get("interrupt"):
                heygen_api.interrupt(session_id)
            heygen_api.speak(session_id, body["text"], body.get("task_type", "repeat"))
            return self._json(200, {"ok": True})
        if action == "keepalive":
            heygen_api.keep_alive(session_id)
            return self._json(200, {"ok": True})
        self._json(405, {"error": "method not allowed"})

    def do_DELETE(self):
        m = SESSION_PATH.match(self.path)
        if not m or m.group(2):
            return self._json(404, {"error": "not found"})
        session_id = m.group(1)
        if not REGISTRY.remove(session_id):
            return self._json(404, {"error": "unknown session"})
        self._json(200, {"stopped": heygen_api.close_session(session_id)})


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8808)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    httpd = ThreadingHTTPServer((args.host, args.port), KioskHandler)
    log.info("kiosk control server on %s:%s", args.host, args.port)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


if __name__ == "__main__":
    main()
