import json
import os
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler

HEYGEN_TOKEN_URL = "https://api.heygen.com/v1/streaming.create_token"


def fetch_streaming_token():
    api_key = os.environ.get("HEYGEN_API_KEY")
    if not api_key:
        raise RuntimeError("HEYGEN_API_KEY missing")
    req = urllib.request.Request(
        HEYGEN_TOKEN_URL,
        data=b"{}",
        method="POST",
        headers={"X-Api-Key": api_key, "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=15) as resp:
        payload = json.loads(resp.read().decode("utf-8"))
    return payload["data"]["token"]


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
        except urllib.error.HTTPError as e:
            self._send(e.code, {"error": e.read().decode("utf-8", "replace")})
            return
        except Exception as e:  # noqa: BLE001
            self._send(500, {"error": str(e)})
            return
        self._send(200, {"token": token, "avatarId": os.environ.get("NEXT_PUBLIC_AVATAR_ID", "")})

    def log_message(self, format, *args):  # keep vercel logs quiet
        return
