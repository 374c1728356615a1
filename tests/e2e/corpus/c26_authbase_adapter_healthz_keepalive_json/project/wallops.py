import json
import logging
import os
import pathlib

import requests
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase

log = logging.getLogger("wallops")

API = "https://api.heygen.com/v1"
STATE = pathlib.Path(os.environ.get("WALL_STATE", "wall_session.json"))


class HeyGenKey(AuthBase):
    def __init__(self, key):
        self.key = key

    def __call__(self, r):
        r.headers["x-api-key"] = self.key
        return r


class TimeoutHTTPAdapter(HTTPAdapter):
    def __init__(self, *args, timeout=10, **kwargs):
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return super().send(request, **kwargs)


def http():
    s = requests.Session()
    s.auth = HeyGenKey(os.environ["HEYGEN_API_KEY"])
    s.mount("https://", TimeoutHTTPAdapter(timeout=8, max_retries=2))
    return s


S = http()


def healthz():
    try:
        r = S.get(f"{API}/streaming.list")
        body = r.json()
    except (requests.RequestException, ValueError) as e:
        return {"ok": False, "error": str(e)}
    return {"ok": r.status_code == 200 and body.get("code") == 100, "sessions": len(body["data"]["sessions"])}


def start_wall():
    r = S.post(f"{API}/streaming.new", json={"avatar_id": os.environ["WALL_AVATAR"], "version": "v2", "quality": "high"})
    r.raise_for_status()
    data = r.json()["data"]
    S.post(f"{API}/streaming.start", json={"session_id": data["session_id"]}).raise_for_status()
    S.post(f"{API}/streaming.task", json={"session_id": data["session_id"], "text": "The exhibition is open."}).raise_for_status()
    STATE.write_text(json.dumps({"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}))
    return data


def keepalive_job():
    if not STATE.exists():
        start_wall()
        return "started"
    sid = json.loads(STATE.read_text())["session_id"]
    r = S.post(f"{API}/streaming.keep_alive", json={"session_id": sid})
    if r.status_code != 200:
        log.warning("keep_alive failed (%s), restarting", r.status_code)
        STATE.unlink()
        start_wall()
        return "restarted"
    return "alive"


def shutdown():
    n = 0
    for s in S.get(f"{API}/streaming.list").json()["data"]["sessions"]:
        S.post(f"{API}/streaming.stop", json={"session_id": s["session_id"]}).raise_for_status()
        n += 1
    if STATE.exists():
        STATE.unlink()
    return n
