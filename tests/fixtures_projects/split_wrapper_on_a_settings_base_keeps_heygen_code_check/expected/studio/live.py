from studio.api import StudioError, liveavatar_post
from studio import liveavatar_bridge


def go_live(avatar_id):
    # TODO(heygen2liveavatar): H2L101 the session is started on `$LIVEAVATAR_API_URL` (default https://api.liveavatar.com), not on this wrapper's configured base: pass the URL this token request goes to as `liveavatar_bridge.start_session`'s second argument
    data = liveavatar_bridge.start_session(
        liveavatar_post(
            "/v1/sessions/token",
            {
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        ),
        error=StudioError,
    )
    return {
        **data,
        "url": data.get("livekit_url"),
        "access_token": data.get("livekit_client_token"),
    }


def off_air(session_id):
    liveavatar_post(
        "/v1/sessions/stop", {"session_id": session_id, "reason": "USER_CLOSED"}
    )
    liveavatar_bridge.release(session_id)
