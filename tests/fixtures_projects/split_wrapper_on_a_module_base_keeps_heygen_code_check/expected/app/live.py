from app.utils import liveavatar_post
from app import liveavatar_bridge


def go_live(avatar_id):
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
    return {
        **data,
        "url": data.get("livekit_url"),
        "access_token": data.get("livekit_client_token"),
    }


def off(session_id):
    liveavatar_post(
        "/v1/sessions/stop",
        {"session_id": session_id, "reason": "USER_CLOSED"},
    )
    liveavatar_bridge.release(session_id)
