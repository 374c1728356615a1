"""CrewAI tools that let the presenter agent drive a HeyGen Interactive Avatar.

The agent opens a session, speaks (or answers from the knowledge base) and closes it.
The frontend joins the LiveKit room returned by "Open avatar session".
"""
import json
import os

import requests
from crewai.tools import tool

HEYGEN_API = "https://api.heygen.com/v1"
PRESENTER_AVATAR = os.getenv("PRESENTER_AVATAR", "Wayne_20240711")
PRESENTER_KB = os.getenv("PRESENTER_KB")  # knowledge base for Q&A, optional

# one presenter per process; the crew runs sequentially
_session: dict = {}


def _heygen(endpoint: str, payload: dict) -> dict:
    resp = requests.post(
        f"{HEYGEN_API}/{endpoint}",
        headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"], "accept": "application/json"},
        json=payload,
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()


@tool("Open avatar session")
def open_avatar_session(quality: str = "medium") -> str:
    """Open a streaming avatar session. Returns JSON with the room the audience joins."""
    if _session:
        return json.dumps({"session_id": _session["session_id"], "url": _session["url"], "token": _session["access_token"]})
    body = {"avatar_id": PRESENTER_AVATAR, "quality": quality, "version": "v2"}
    if PRESENTER_KB:
        body["knowledge_base_id"] = PRESENTER_KB
    data = _heygen("streaming.new", body)["data"]
    _heygen("streaming.start", {"session_id": data["session_id"]})
    _session.update(data)
    return json.dumps({"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]})


@tool("Avatar say")
def avatar_say(text: str) -> str:
    """Make the avatar say exactly this text."""
    if not _session:
        return "No avatar session is open; use 'Open avatar session' first."
    out = _heygen("streaming.task", {"session_id": _session["session_id"], "text": text, "task_type": "repeat"})
    return f"said it (task {out['data']['task_id']})"


@tool("Avatar answer")
def avatar_answer(question: str) -> str:
    """Let the avatar answer a question from its knowledge base, in its own words."""
    if not _session:
        return "No avatar session is open; use 'Open avatar session' first."
    out = _heygen("streaming.task", {"session_id": _session["session_id"], "text": question, "task_type": "talk"})
    return f"answering (task {out['data']['task_id']})"


@tool("Close avatar session")
def close_avatar_session() -> str:
    """Close the avatar session when the presentation is over."""
    if not _session:
        return "nothing to close"
    _heygen("streaming.stop", {"session_id": _session["session_id"]})
    _session.clear()
    return "closed"
