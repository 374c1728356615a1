"""The lobby greeter chats too, but nobody gave it a knowledge base."""
import os

from .heygen import post
from . import liveavatar_bridge


def open_greeter():
    # TODO(heygen2liveavatar): H2L101 FULL sessions answer `avatar.speak_response` (formerly chat/talk tasks) only with a context: without one the avatar stays silent. Create a Context (POST /v1/contexts or app.liveavatar.com) and send its id as `avatar_persona.context_id`
    # TODO(heygen2liveavatar): H2L101 `avatar_id` (from `os.environ["AVATAR_ID"]`): the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    data = liveavatar_bridge.start_session(
        post(
            "sessions/token",
            {
                "mode": "FULL",
                "avatar_id": os.environ["AVATAR_ID"],
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
