# helpers for app.py (streamlit). kept separate so st.* stays out of here
import os

import requests

API_KEY = os.getenv("HEYGEN_API_KEY")

AVATARS = {
    "Anna (casual)": "Anna_public_3_20240108",
    "Tyler (suit)": "Tyler-incasualsuit-20220721",
    "Wayne": "Wayne_20240711",
}


def create_session(avatar_id):
    r = requests.post(
        "https://api.heygen.com/v1/streaming.new",
        headers={"x-api-key": API_KEY, "Content-Type": "application/json"},
        json={"avatar_id": avatar_id, "quality": "medium", "version": "v2"},
    )
    r.raise_for_status()
    data = r.json()["data"]
    if not data.get("url") or not data.get("access_token"):
        raise ValueError("HeyGen returned an incomplete session: %s" % data)
    return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}


def start_avatar(state, avatar_label):
    sess = create_session(AVATARS[avatar_label])
    requests.post(
        "https://api.heygen.com/v1/streaming.start",
        headers={"x-api-key": API_KEY, "Content-Type": "application/json"},
        json={"session_id": sess["session_id"]},
    ).raise_for_status()
    state["session_id"] = sess["session_id"]
    state["livekit_url"] = sess["url"]
    state["livekit_token"] = sess["token"]
    state["history"] = []


def send_message(state, text, chat=False):
    if "session_id" not in state:
        return None
    r = requests.post(
        "https://api.heygen.com/v1/streaming.task",
        headers={"x-api-key": API_KEY, "Content-Type": "application/json"},
        json={"session_id": state["session_id"], "text": text, "task_type": "chat" if chat else "repeat"},
    )
    state["history"].append(text)
    return r.json()


def stop_avatar(state):
    sid = state.pop("session_id", None)
    if sid:
        requests.post(
            "https://api.heygen.com/v1/streaming.stop",
            headers={"x-api-key": API_KEY, "Content-Type": "application/json"},
            json={"session_id": sid},
        )
