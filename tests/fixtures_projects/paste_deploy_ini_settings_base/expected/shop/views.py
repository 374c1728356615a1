import os

import requests
from . import liveavatar_bridge


def _post(request, endpoint, payload):
    base = request.registry.settings["heygen.api_base"]
    resp = requests.post(f"{base}/{endpoint}", json=payload, headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]})
    return resp.json()["data"]


def open_avatar(request):
    settings = request.registry.settings
    # TODO(heygen2liveavatar): H2L101 `avatar_id` (from `settings["heygen.avatar_id"]`): the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    info = liveavatar_bridge.start_session(
        _post(
            request,
            "sessions/token",
            {
                "mode": "FULL",
                "avatar_id": settings["heygen.avatar_id"],
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        )
    )
    return {"url": info["livekit_url"], "token": info["livekit_client_token"], "currency": settings["shop.currency"]}


def close_avatar(request, sid):
    _post(request, "sessions/stop", {"session_id": sid, "reason": "USER_CLOSED"})
    liveavatar_bridge.release(sid)
