"""Opens the avatar for a ticket and speaks the answer; the view catches `ApiError`."""
from desk.http import post, ApiError
from desk import liveavatar_bridge


def open_avatar(avatar_id):
    info = liveavatar_bridge.start_session(
        post(
            "/v1/sessions/token",
            {
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        ),
        error=ApiError,
    )
    return {
        **info,
        "url": info.get("livekit_url"),
        "access_token": info.get("livekit_client_token"),
    }


def answer(session_id, text):
    liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text, error=ApiError)
