"""Thin helpers around the HeyGen streaming endpoints the dashboard needs."""
import requests

BASE = "https://api.heygen.com"
TIMEOUT = 10


class HeyGenError(Exception):
    def __init__(self, status, detail):
        super().__init__(f"HeyGen answered {status}: {detail}")
        self.status = status


def _check(resp):
    if resp.status_code >= 400:
        raise HeyGenError(resp.status_code, resp.text[:200])
    return resp.json()


def create_token(key):
    resp = requests.post(f"{BASE}/v1/streaming.create_token", headers={"x-api-key": key}, timeout=TIMEOUT)
    return _check(resp)["data"]["token"]


def active_sessions(key):
    resp = requests.get(f"{BASE}/v1/streaming.list", headers={"x-api-key": key}, timeout=TIMEOUT)
    return _check(resp)["data"]["sessions"]


def past_sessions(key, page=1, page_size=20):
    resp = requests.get(
        f"{BASE}/v2/streaming.list",
        headers={"x-api-key": key},
        params={"page": page, "page_size": page_size},
        timeout=TIMEOUT,
    )
    return _check(resp)["data"]


def keep_alive(key, session_id):
    resp = requests.post(
        f"{BASE}/v1/streaming.keep_alive", headers={"x-api-key": key}, json={"session_id": session_id}, timeout=TIMEOUT
    )
    _check(resp)


def stop(key, session_id):
    resp = requests.post(
        f"{BASE}/v1/streaming.stop", headers={"x-api-key": key}, json={"session_id": session_id}, timeout=TIMEOUT
    )
    _check(resp)
