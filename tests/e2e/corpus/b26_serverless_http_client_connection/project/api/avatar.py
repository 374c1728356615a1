import http.client
import json
import os
from http.server import BaseHTTPRequestHandler

HEYGEN_HOST = "api.heygen.com"


def _heygen(method, path, payload=None):
    conn = http.client.HTTPSConnection(HEYGEN_HOST, timeout=30)
    try:
        conn.request(
            method,
            path,
            body=json.dumps(payload) if payload is not None else None,
            headers={"x-api-key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"},
        )
        resp = conn.getresponse()
        body = json.loads(resp.read() or b"{}")
        if resp.status != 200:
            raise RuntimeError(f"{path} -> {resp.status}: {body}")
        return body.get("data")
    finally:
        conn.close()


class handler(BaseHTTPRequestHandler):
    def _json(self, status, obj):
        out = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(out)

    def do_POST(self):
        n = int(self.headers.get("content-length", 0))
        body = json.loads(self.rfile.read(n) or b"{}")
        try:
            if self.path == "/api/avatar/start":
                data = _heygen("POST", "/v1/streaming.new", {"avatar_id": os.environ["AVATAR_ID"], "version": "v2"})
                _heygen("POST", "/v1/streaming.start", {"session_id": data["session_id"]})
                self._json(200, {"sessionId": data["session_id"], "livekitUrl": data["url"], "accessToken": data["access_token"]})
            elif self.path == "/api/avatar/say":
                _heygen("POST", "/v1/streaming.task", {"session_id": body["sessionId"], "text": body["text"], "task_type": "repeat"})
                self._json(200, {"ok": True})
            elif self.path == "/api/avatar/stop":
                _heygen("POST", "/v1/streaming.stop", {"session_id": body["sessionId"]})
                self._json(200, {"ok": True})
            else:
                self._json(404, {"error": "not found"})
        except Exception as e:  # noqa: BLE001
            self._json(500, {"error": str(e)})

    def log_message(self, *args):
        pass
