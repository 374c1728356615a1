import os

import requests
from flask import Blueprint, jsonify

from .urls import TOKEN_URL

bp = Blueprint("token", __name__)


@bp.post("/api/get-access-token")
def access_token():
    # TODO(heygen2liveavatar): H2L101 set `LIVEAVATAR_AVATAR_ID` to the UUID of your avatar's LiveAvatar copy (app.liveavatar.com copies HeyGen avatars under new ids)
    # TODO(heygen2liveavatar): H2L101 the browser must move to `@heygen/liveavatar-web-sdk`: `new LiveAvatarSession(sessionToken)` starts the session and sends its events (HeyGen's `@heygen/streaming-avatar` does not accept this token)
    r = requests.post(
        TOKEN_URL,
        headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]},
        timeout=15,
        json={
            "mode": "FULL",
            "avatar_id": os.environ["LIVEAVATAR_AVATAR_ID"],
            "avatar_persona": {},
        },
    )
    r.raise_for_status()
    return jsonify(token=r.json()["data"]["session_token"])
