"""The concierge answers questions from the hotel's knowledge base."""
import os

from .heygen import post
from . import liveavatar_bridge


def open_concierge():
    # TODO(heygen2liveavatar): H2L101 `avatar_id` (from `os.environ["AVATAR_ID"]`): the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    # TODO(heygen2liveavatar): H2L101 `knowledge_base_id` (from `os.environ["HOTEL_KB_ID"]`): the knowledge base was copied into a LiveAvatar Context with a new UUID
    data = liveavatar_bridge.start_session(post("sessions/token", {
        "mode": "FULL",
        "avatar_id": os.environ["AVATAR_ID"],
        "video_settings": {"encoding": "VP8"},
        "avatar_persona": {
            k: v
            for k, v in {
                "context_id": os.environ["HOTEL_KB_ID"],
            }.items()
            if v is not None
        },
    }))
    return {
        **data,
        "url": data.get("livekit_url"),
        "access_token": data.get("livekit_client_token"),
    }
