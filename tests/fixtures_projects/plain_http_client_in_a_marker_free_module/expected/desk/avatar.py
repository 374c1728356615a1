import os

from .http import ApiClient
from . import liveavatar_bridge

client = ApiClient("https://api.liveavatar.com", os.environ["LIVEAVATAR_API_KEY"])


def open_session(avatar_id):
    body = liveavatar_bridge.start_session(
        client.post(
            "/v1/sessions/token",
            {
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        ),
        client.base_url + "/v1/sessions/token",
    )
    session = body["data"]
    return {
        **session,
        "url": session.get("livekit_url"),
        "access_token": session.get("livekit_client_token"),
    }


def say(session_id, text):
    liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)


def close(session_id):
    client.post(
        "/v1/sessions/stop", {"session_id": session_id, "reason": "USER_CLOSED"}
    )
    liveavatar_bridge.release(session_id)
