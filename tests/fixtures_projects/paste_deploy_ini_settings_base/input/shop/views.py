import os

import requests


def _post(request, endpoint, payload):
    base = request.registry.settings["heygen.api_base"]
    resp = requests.post(f"{base}/{endpoint}", json=payload, headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
    return resp.json()["data"]


def open_avatar(request):
    settings = request.registry.settings
    info = _post(request, "streaming.new", {"avatar_id": settings["heygen.avatar_id"], "version": "v2"})
    _post(request, "streaming.start", {"session_id": info["session_id"]})
    return {"url": info["url"], "token": info["access_token"], "currency": settings["shop.currency"]}


def close_avatar(request, sid):
    _post(request, "streaming.stop", {"session_id": sid})
