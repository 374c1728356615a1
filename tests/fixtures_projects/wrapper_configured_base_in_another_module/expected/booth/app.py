"""The photo booth's avatar: one HeyGen streaming session per visitor."""
from . import settings
from .client import HeyGenClient
from . import liveavatar_bridge

api = HeyGenClient(base=settings.HEYGEN_URL, key=settings.HEYGEN_KEY)


def open_session(avatar_id):
    data = liveavatar_bridge.start_session(
        api.post(
            "sessions/token",
            {
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        ),
        f"{api.base}/sessions/token",
    )
    return data["session_id"], data["livekit_url"], data["livekit_client_token"]


def close_session(session_id):
    api.post(
        "sessions/stop", {"session_id": session_id, "reason": "USER_CLOSED"}
    )
    liveavatar_bridge.release(session_id)
