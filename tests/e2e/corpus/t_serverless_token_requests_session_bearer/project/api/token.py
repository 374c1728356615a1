import json
import os
from http.server import BaseHTTPRequestHandler

import requests

HEYGEN_TOKEN_URL = "https://api.heygen.com/v1/streaming.create_token"


def fetch_streaming_token():
    api_key = os.environ.get("HEYGEN_API_KEY")
    if not api_key:
        raise RuntimeError("HEYGEN_API_KEY missing")
    http = requests.Session()
    http.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})
    resp = http.post(HEYGEN_TOKEN_URL, json={}, timeout=15)
    resp.raise_for_status()
    return resp.json().get("data", {}).get("token")


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
            token = fetch_streaming_token()
        except requests.HTTPError as e:
            self._send(e.response.status_code, {"error": e.response.text})
            return
        except Exception as e:  # noqa: BLE001
            self._send(500, {"error": str(e)})
            return
        self._send(200, {"token": token, "avatarId": os.environ.get("NEXT_PUBLIC_AVATAR_ID", "")})

    def log_message(self, format, *args):  # keep vercel logs quiet
        return
