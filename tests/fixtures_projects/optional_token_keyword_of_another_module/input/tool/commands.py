import json
import os

from .transport import post

KEY = os.environ["HEYGEN_API_KEY"]


def open_session(avatar_id, state_file):
    token = post(KEY, "/v1/streaming.create_token", {})["token"]
    session = post(KEY, "/v1/streaming.new", {"avatar_id": avatar_id}, token=token)
    with open(state_file, "w") as fh:
        json.dump({"token": token, "session_id": session["session_id"]}, fh)
    return session["url"], session["access_token"]


def close_session(state_file):
    with open(state_file) as fh:
        state = json.load(fh)
    post(KEY, "/v1/streaming.stop", {"session_id": state["session_id"]}, token=state["token"])
