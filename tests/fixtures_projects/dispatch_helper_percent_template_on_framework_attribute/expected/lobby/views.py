from .helpers import call_streaming
from . import liveavatar_bridge


def open_room(request):
    # TODO(heygen2liveavatar): H2L101 `avatar_id` (from `request.avatar_id`): the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    info = liveavatar_bridge.with_heygen_names(
        liveavatar_bridge.start_session(
            request.heygen.post(
                "token",
                {
                    "mode": "FULL",
                    "avatar_id": request.avatar_id,
                    "video_settings": {"encoding": "VP8"},
                    "avatar_persona": {},
                },
            )
        )
    )
    return {"session_id": info["session_id"], "url": info["url"], "token": info["access_token"]}


def say(request, sid, text):
    liveavatar_bridge.emit(sid, "avatar.speak_text", text=text)


def close_room(request, sid):
    request.heygen.post("stop", {"session_id": sid, "reason": "USER_CLOSED"})
    liveavatar_bridge.release(sid)


def ping(sid):
    call_streaming("keep-alive", {"session_id": sid})


def unrelated(request):
    # another object's post(): not the HeyGen helper
    return request.mailer.post("start", {"to": "ops@example.com"})
