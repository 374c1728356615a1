from . import heygen
from . import liveavatar_bridge


def open_session(avatar):
    data = liveavatar_bridge.with_heygen_names(
        liveavatar_bridge.start_session(
            heygen.streaming(
                "token",
                mode="FULL",
                avatar_id=avatar,
                video_settings={"encoding": "VP8"},
                avatar_persona={},
            )
        )
    )
    return data["url"], data["access_token"]


def say(session_id, text):
    liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)
