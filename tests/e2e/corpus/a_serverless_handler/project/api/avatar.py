import json
import os
from http.server import BaseHTTPRequestHandler

import requests

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY")
AVATAR = os.environ.get("HEYGEN_AVATAR_ID", "Wayne_20240711")
KB_ID = os.environ.get("HEYGEN_KB_ID")


def heygen(endpoint, payload):
    r = requests.post(
        f"https://api.heygen.com/v1/streaming.{endpoint}",
        headers={"X-Api-Key": HEYGEN_API_KEY, "Content-Type": "application/json"},
        json=payload,
    )
    r.raise_for_status()
    return r.json()


class handler(BaseHTTPRequestHandler):
    def _send(self, status, body):
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, format, *args):  # keep the function logs quiet
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        try:
            if self.path.endswith("/start"):
                payload = {"avatar_id": AVATAR, "quality": "medium", "version": "v2"}
                if KB_ID:
                    payload["knowledge_base_id"] = KB_ID
                data = requests.post(
                    "https://api.heygen.com/v1/streaming.new",
                    headers={"X-Api-Key": HEYGEN_API_KEY, "Content-Type": "application/json"},
                    json=payload,
                ).json()["data"]
                heygen("start", {"session_id": data["session_id"]})
                self._send(200, {"session_id": data["session_id"], "url": data["url"],
                                 "access_token": data["access_token"]})
            elif self.path.endswith("/speak"):
                res = heygen("task", {"session_id": body["session_id"], "text": body["text"],
                                      "task_type": body.get("task_type", "repeat")})
                self._send(200, res.get("data") or {})
            elif self.path.endswith("/stop"):
                heygen("stop", {"session_id": body["session_id"]})
                self._send(200, {"ok": True})
            else:
                self._send(404, {"error": "not found"})
        except Exception as exc:  # noqa: BLE001 - report everything to the client
            self._send(500, {"error": str(exc)})
