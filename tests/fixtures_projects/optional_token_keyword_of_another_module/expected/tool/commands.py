import json
import os

from .transport import post
from . import liveavatar_bridge

KEY = os.environ["LIVEAVATAR_API_KEY"]


def open_session(avatar_id, state_file):
    # LiveAvatar has no token before the session: the token call (formerly streaming.new) sends the API key and returns the session token. This placeholder is sent nowhere.
    token = "no-token-before-session"
    session = liveavatar_bridge.start_session(
        post(
            KEY,
            "/v1/sessions/token",
            {
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        )
    )
    with open(state_file, "w") as fh:
        json.dump({"token": token, "session_id": session["session_id"]}, fh)
    return session["livekit_url"], session["livekit_client_token"]


def close_session(state_file):
    with open(state_file) as fh:
        state = json.load(fh)
    post(
        KEY, "/v1/sessions/stop", {"session_id": state["session_id"], "reason": "USER_CLOSED"}
    )
    liveavatar_bridge.release(state["session_id"])
