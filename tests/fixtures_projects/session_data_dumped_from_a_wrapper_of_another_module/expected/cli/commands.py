import json
import sys
from . import liveavatar_bridge


def cmd_new(api, avatar_id):
    data = liveavatar_bridge.start_session(
        api.call(
            "sessions/token",
            {
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        ),
        api.base_url + "sessions/token",
    )
    json.dump(liveavatar_bridge.with_heygen_names(data), sys.stdout, indent=2)


def cmd_stop(api, session_id):
    api.call(
        "sessions/stop", {"session_id": session_id, "reason": "USER_CLOSED"}
    )
    liveavatar_bridge.release(session_id)
