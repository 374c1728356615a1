"""What is running on our HeyGen account, and a demo session for the sales team."""
import configparser
import http.client
import json
import os
from urllib.parse import urlsplit

_cfg = configparser.ConfigParser()
_cfg.read(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ops.ini"))
CFG = _cfg["heygen"]
API_KEY = os.environ.get("HEYGEN_API_KEY", "")


def _headers():
    if CFG.get("auth", "header") == "bearer":
        auth = {"Authorization": f"Bearer {API_KEY}"}
    else:
        auth = {"X-Api-Key": API_KEY}
    return {**auth, "Content-Type": "application/json", "Accept": "application/json"}


def request(method, path, body=None):
    host = urlsplit(CFG["base_url"]).netloc
    conn = http.client.HTTPSConnection(host, timeout=CFG.getfloat("timeout", 15))
    try:
        conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=_headers())
        resp = conn.getresponse()
        payload = json.loads(resp.read() or b"null")
    finally:
        conn.close()
    if resp.status >= 400:
        raise RuntimeError(f"{method} {path}: {resp.status} {payload}")
    return payload


def avatars():
    data = request("GET", "/v1/streaming/avatar.list")["data"]
    return [(a["avatar_id"], a["status"]) for a in data]


def active_count():
    return len(request("GET", "/v1/streaming.list")["data"]["sessions"])


def open_demo(avatar_id):
    data = request("POST", "/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2"})["data"]
    request("POST", "/v1/streaming.start", {"session_id": data["session_id"]})
    return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}


def keep_alive(session_id):
    request("POST", "/v1/streaming.keep_alive", {"session_id": session_id})


def stop(session_id):
    request("POST", "/v1/streaming.stop", {"session_id": session_id})


def report():
    lines = [f"active sessions: {active_count()}"]
    for avatar_id, status in sorted(avatars()):
        lines.append(f"  {avatar_id:<40} {status}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
