import os

import requests


def create_token(key):
    # TODO(heygen2liveavatar): H2L101 set `DASH_AVATAR` (the avatar this project configures) to the UUID of the avatar's LiveAvatar copy (app.liveavatar.com copies HeyGen avatars under new ids)
    # TODO(heygen2liveavatar): H2L101 the browser must move to `@heygen/liveavatar-web-sdk`: `new LiveAvatarSession(sessionToken)` starts the session and sends its events (HeyGen's `@heygen/streaming-avatar` does not accept this token)
    resp = requests.post(
        "https://api.liveavatar.com/v1/sessions/token",
        headers={"X-API-KEY": key},
        timeout=10,
        json={"mode": "FULL", "avatar_id": os.environ["DASH_AVATAR"], "avatar_persona": {}},
    )
    resp.raise_for_status()
    return resp.json()["data"]["session_token"]
