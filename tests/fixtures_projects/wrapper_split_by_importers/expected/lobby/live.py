from .utils import liveavatar_post
from . import liveavatar_bridge


def open_session(avatar_id):
    data = liveavatar_bridge.start_session(
        liveavatar_post(
            "/v1/sessions/token",
            {
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        )
    )
    return data["session_id"], data["livekit_url"], data["livekit_client_token"]


def close_session(session_id):
    liveavatar_post(
        "/v1/sessions/stop", {"session_id": session_id, "reason": "USER_CLOSED"}
    )
    liveavatar_bridge.release(session_id)
