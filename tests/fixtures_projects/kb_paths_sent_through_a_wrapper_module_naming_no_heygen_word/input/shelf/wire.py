import httpx

from . import settings


def send(method, path, body=None):
    response = httpx.request(
        method, settings.API_BASE + path, json=body, headers={"x-api-key": settings.API_KEY}
    )
    response.raise_for_status()
    payload = response.json()
    return payload.get("data")
