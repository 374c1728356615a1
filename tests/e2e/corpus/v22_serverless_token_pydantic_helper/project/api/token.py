import json
import os
import sys
from http.server import BaseHTTPRequestHandler

import httpx

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from lib.heygen import create_token  # noqa: E402


class handler(BaseHTTPRequestHandler):
    def _send(self, status, body):
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_OPTIONS(self):
        self._send(204, {})

    def do_POST(self):
        try:
            token = create_token()
        except httpx.HTTPStatusError as e:
            self._send(e.response.status_code, {"error": e.response.text})
            return
        except Exception as e:  # noqa: BLE001
            self._send(500, {"error": str(e)})
            return
        self._send(200, {"token": token, "avatarId": os.environ.get("NEXT_PUBLIC_AVATAR_ID", "")})

    def log_message(self, format, *args):  # keep vercel logs quiet
        return
