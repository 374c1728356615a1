"""The kiosk screen opens a session, greets, and closes it (`heygen("task", session_id=..., ...)`)."""
from .heygen import heygen
from . import liveavatar_bridge


def open_screen(avatar_id):
    # TODO(heygen2liveavatar): H2L101 the avatar id in this body (and any voice or knowledge-base id) must be the UUID of its LiveAvatar copy (see app.liveavatar.com); voices are not migrated
    data = liveavatar_bridge.with_heygen_names(
        liveavatar_bridge.start_session(
            heygen(
                "token",
                **liveavatar_bridge.session_body({"avatar_id": avatar_id, "version": "v2"}, "FULL"),
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
