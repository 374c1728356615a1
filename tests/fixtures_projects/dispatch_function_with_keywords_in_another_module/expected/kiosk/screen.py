"""The kiosk screen opens a session, greets, and closes it (`heygen("task", session_id=..., ...)`)."""
from .heygen import heygen
from . import liveavatar_bridge


def open_screen(avatar_id):
    data = liveavatar_bridge.with_heygen_names(
        liveavatar_bridge.start_session(
            heygen(
                "token",
                mode="FULL",
                avatar_id=avatar_id,
                video_settings={"encoding": "VP8"},
                avatar_persona={},
            )
        )
    )["data"]
    return data["session_id"], data["url"], data["access_token"]


def greet(sid, text):
    liveavatar_bridge.emit(sid, "avatar.speak_text", text=text)
    heygen("keep-alive", session_id=sid)


def close_screen(sid):
    heygen("stop", session_id=sid, reason="USER_CLOSED")
    liveavatar_bridge.release(sid)
