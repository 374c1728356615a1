# Names no HeyGen word: the paths come from routes.py, the requests from transport.py.
from . import transport
from .routes import NEW, STOP
from . import liveavatar_bridge


def open_screen(avatar_id):
    data = liveavatar_bridge.start_session(
        transport.send(
            "POST",
            NEW,
            {
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        )
    )
    return data["session_id"], data["livekit_url"], data["livekit_client_token"]


def say(session_id, text):
    liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)


def close(session_id):
    transport.send("POST", STOP, {"session_id": session_id, "reason": "USER_CLOSED"})
    liveavatar_bridge.release(session_id)
