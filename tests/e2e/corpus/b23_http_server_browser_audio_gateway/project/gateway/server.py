"""Tiny HTTP API in front of HeyGen (stdlib only, runs next to the kiosk's browser)."""
import json
import logging
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import heygen_api, settings

log = logging.getLogger(__name__)

_SESSION_PATH = re.compile(r"^/voice/sessions/(?P<sid>[\w-]+)/(?P<action>keepalive|close)$")
_open = set()
_lock = threading.Lock()


class GatewayHandler(BaseHTTPRequestHandler):
    server_version = "VoiceGateway/0.3"

    def log_message(self, fmt, *args):
        log.debug("%s - " + fmt, self.address_string(), *args)

    def _send(self, status, payload=None):
        body = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/voice/health":
            with _lock:
                self._send(200, {"ok": True, "open_sessions": len(_open)})
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self):
        try:
            if self.path == "/voice/sessions":
                return self._open_session()
            match = _SESSION_PATH.match(self.path)
            if match is None:
                return self._send(404, {"error": "not found"})
            sid = match.group("sid")
            with _lock:
                known = sid in _open
            if not known:
                return self._send(404, {"error": "unknown session"})
            if match.group("action") == "keepalive":
                heygen_api.keep_alive(sid)
                return self._send(204)
            heygen_api.close_session(sid)
            with _lock:
                _open.discard(sid)
            return self._send(200, {"closed": sid})
        except heygen_api.UpstreamError as exc:
            log.warning("upstream: %s", exc)
            return self._send(502, {"error": str(exc)})

    def _open_session(self):
        session = heygen_api.open_session()
        with _lock:
            _open.add(session["session_id"])
        self._send(201, {"session": session["session_id"], "socket": session["realtime_endpoint"]})


def make_server(host=None, port=None):
    return ThreadingHTTPServer((host or settings.HOST, settings.PORT if port is None else port), GatewayHandler)


def main():
    logging.basicConfig(level=logging.INFO)
    server = make_server()
    log.info("listening on %s:%s", *server.server_address)
    server.serve_forever()


if __name__ == "__main__":
    main()
