import json
import os
import urllib.error
import urllib.request


class HeyGenError(Exception):
    def __init__(self, status, detail):
        super().__init__(f"HeyGen {status}: {detail}")
        self.status = status


def call(url, payload):
    req = urllib.request.Request(
        url,
        data=json.dumps(payload).encode("utf-8"),
        headers={
            "X-Api-Key": os.environ["HEYGEN_API_KEY"],
            "Content-Type": "application/json",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            body = json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        raise HeyGenError(e.code, e.read().decode("utf-8", "replace")) from e
    return body.get("data") or {}


def read_json(handler):
    length = int(handler.headers.get("Content-Length") or 0)
    return json.loads(handler.rfile.read(length) or b"{}")


def send_json(handler, status, obj):
    raw = json.dumps(obj).encode("utf-8")
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(raw)))
    handler.end_headers()
    handler.wfile.write(raw)
