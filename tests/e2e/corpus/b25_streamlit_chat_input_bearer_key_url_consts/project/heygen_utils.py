"""HeyGen Interactive Avatar helpers used by the Streamlit page."""
import os

import requests
from dotenv import load_dotenv

load_dotenv()

API_KEY = os.getenv("HEYGEN_API_KEY")
BASE_URL = "https://api.heygen.com/v1"

NEW_SESSION_URL = f"{BASE_URL}/streaming.new"
START_SESSION_URL = f"{BASE_URL}/streaming.start"
TASK_URL = f"{BASE_URL}/streaming.task"
INTERRUPT_URL = f"{BASE_URL}/streaming.interrupt"
STOP_URL = f"{BASE_URL}/streaming.stop"


def _auth_headers():
    return {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}


def _post(url, payload):
    response = requests.post(url, headers=_auth_headers(), json=payload, timeout=20)
    response.raise_for_status()
    return response.json()


def create_session(avatar_id, knowledge_base_id=None, language="en"):
    payload = {
        "avatar_id": avatar_id,
        "quality": "low",
        "version": "v2",
        "video_encoding": "VP8",
        "language": language,
    }
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    return _post(NEW_SESSION_URL, payload)["data"]


def start_session(session_id):
    return _post(START_SESSION_URL, {"session_id": session_id})


def send_text(session_id, text, task_type="talk"):
    return _post(TASK_URL, {"session_id": session_id, "text": text, "task_type": task_type})


def interrupt(session_id):
    return _post(INTERRUPT_URL, {"session_id": session_id})


def close_session(session_id):
    return _post(STOP_URL, {"session_id": session_id})
