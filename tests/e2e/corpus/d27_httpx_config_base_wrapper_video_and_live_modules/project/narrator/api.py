"""Every HeyGen call of the narrator goes through here."""
import httpx

from . import config


class ApiError(RuntimeError):
    pass


def heygen_call(path, payload=None, method="POST"):
    r = httpx.request(method, f"{config.BASE_URL}{path}", json=payload, headers={"X-Api-Key": config.API_KEY, "Accept": "application/json"}, timeout=30)
    if r.status_code >= 400:
        raise ApiError(f"{method} {path}: {r.status_code}")
    return r.json()["data"]
