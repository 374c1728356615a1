import os
import time
from typing import Dict

import requests

import st_shim as st

# --- config -------------------------------------------------------------
HEYGEN_KEY = os.getenv("HEYGEN_API_KEY", "")
BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com/v1")
DEFAULT_AVATAR = os.getenv("DEFAULT_AVATAR", "Wayne_20240711")
KB = os.getenv("HEYGEN_KB", None)
DEBUG = True

st.set_page_config(page_title="Avatar demo", layout="wide")
st.header("Talk to our avatar 🤖")

if "session" not in st.session_state:
    st.session_state.session = None
if "log" not in st.session_state:
    st.session_state.log = []


def _h():
    return {"accept": "application/json", "content-type": "application/json", "x-api-key": HEYGEN_KEY}


def create_session(avatar: str) -> Dict:
    payload = {"quality": "low", "avatar_id": avatar, "version": "v2"}
    if KB:
        payload["knowledge_base_id"] = KB
    r = requests.post(f"{BASE}/streaming.new", json=payload, headers=_h())
    if DEBUG:
        print("NEW ->", r.status_code, r.text[:200])
    r.raise_for_status()
    return r.json()["data"]


def start_session(session_id):
    r = requests.post(f"{BASE}/streaming.start", json={"session_id": session_id}, headers=_h())
    if DEBUG:
        print("START ->", r.status_code)
    return r.json()


# TODO refactor these two, they are the same
def send_text(session_id, text):
    r = requests.post(
        f"{BASE}/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        headers=_h(),
    )
    if DEBUG:
        print("TASK ->", r.status_code, r.text[:120])
    return r.json()["data"]["task_id"]


def send_question(session_id, text):
    r = requests.post(
        f"{BASE}/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "chat", "task_mode": "sync"},
        headers=_h(),
    )
    print("TASK(chat) ->", r.status_code)
    return (r.json().get("data") or {}).get("task_id")


def interrupt(session_id):
    requests.post(f"{BASE}/streaming.interrupt", json={"session_id": session_id}, headers=_h())


def close_session(session_id):
    r = requests.post(f"{BASE}/streaming.stop", json={"session_id": session_id}, headers=_h())
    return r.json().get("message") == "success"


# --- UI -------------------------------------------------------------------
avatar = st.selectbox("Avatar", [DEFAULT_AVATAR, "Anna_public_3_20240108"], key="avatar")

if st.button("Start", key="start") and st.session_state.session is None:
    try:
        info = create_session(avatar)
        start_session(info["session_id"])
        st.session_state.session = info
        st.session_state.started_at = time.time()
        st.info("Session started")
    except Exception as e:
        st.error(f"Could not start: {e}")

sess = st.session_state.session
if sess:
    # the LiveKit viewer component reads these
    st.code(f"LIVEKIT_URL={sess['url']}\nLIVEKIT_TOKEN={sess['access_token']}", language="bash")
    msg = st.text_area("Message", key="msg")
    mode = st.selectbox("Mode", ["say", "ask"], key="mode")
    if st.button("Send", key="send") and msg:
        try:
            if mode == "say":
                tid = send_text(sess["session_id"], msg)
            else:
                tid = send_question(sess["session_id"], msg)
            st.session_state.log.append((mode, msg, tid))
        except Exception as e:
            st.error(str(e))
    if st.button("Interrupt", key="interrupt"):
        try:
            interrupt(sess["session_id"])
        except Exception as e:
            st.error(str(e))
    if st.button("Stop", key="stop"):
        try:
            ok = close_session(sess["session_id"])
            # st.session_state.clear()
            st.session_state.session = None
            st.write("closed" if ok else "close failed?")
        except Exception as e:
            st.error(str(e))
