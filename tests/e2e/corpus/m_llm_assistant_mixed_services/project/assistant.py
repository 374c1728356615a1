# assistant.py -- voice-less "AI receptionist": OpenAI for answers, HeyGen avatar to say them,
# Supabase for the conversation log. Everything in one file because hackathon.
import os
import json
import uuid
import datetime
from typing import Any, Dict, List, Optional

import requests

OPENAI_API_KEY = os.getenv("OPENAI_API_KEY")
SUPABASE_URL = os.getenv("SUPABASE_URL")  # e.g. https://xyz.supabase.co
SUPABASE_KEY = os.getenv("SUPABASE_ANON_KEY")
HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")
HEYGEN_API = os.getenv("HEYGEN_API", "https://api.heygen.com/v1")
AVATAR_ID = os.getenv("RECEPTION_AVATAR", "Anna_public_3_20240108")
VOICE_ID = os.getenv("RECEPTION_VOICE_ID", "")
SYSTEM_PROMPT = "You are a friendly receptionist at ACME. Keep answers under 2 sentences."

conversation: List[Dict[str, Any]] = []
session: Dict[str, Any] = {}


# ---------------------------------------------------------------- openai
def ask_llm(question: str) -> str:
    if not OPENAI_API_KEY:
        # offline fallback so the demo works without a key
        return f"Good question! Someone at the front desk will help you with: {question.rstrip('?')}."
    r = requests.post(
        "https://api.openai.com/v1/chat/completions",
        headers={"Authorization": f"Bearer {OPENAI_API_KEY}"},
        json={"model": "gpt-4o-mini", "messages": [{"role": "system", "content": SYSTEM_PROMPT}] + conversation + [{"role": "user", "content": question}]},
        timeout=30,
    )
    return r.json()["choices"][0]["message"]["content"]


# ---------------------------------------------------------------- supabase
def log_turn(role: str, text: str):
    conversation.append({"role": role, "content": text})
    if not (SUPABASE_URL and SUPABASE_KEY):
        return
    try:
        requests.post(
            f"{SUPABASE_URL}/rest/v1/conversation_log",
            headers={"apikey": SUPABASE_KEY, "Authorization": f"Bearer {SUPABASE_KEY}"},
            json={"id": str(uuid.uuid4()), "session_id": session.get("session_id"), "role": role, "text": text, "at": datetime.datetime.utcnow().isoformat()},
            timeout=5,
        )
    except Exception as e:
        print("supabase log failed", e)


# ---------------------------------------------------------------- heygen
def heygen_headers() -> Dict[str, str]:
    return {"Authorization": f"Bearer {HEYGEN_API_KEY}", "Content-Type": "application/json"}


def heygen(endpoint: str, payload: Optional[dict] = None) -> dict:
    url = f"{HEYGEN_API}/{endpoint}"
    resp = requests.post(url, headers=heygen_headers(), data=json.dumps(payload or {}), timeout=30)
    if resp.status_code >= 400:
        raise RuntimeError(f"{endpoint} -> {resp.status_code} {resp.text}")
    return resp.json()


def open_avatar() -> Dict[str, str]:
    payload: Dict[str, Any] = {"avatar_id": AVATAR_ID, "quality": "low", "version": "v2", "activity_idle_timeout": 300}
    if VOICE_ID:
        payload["voice"] = {"voice_id": VOICE_ID, "rate": 1.0, "emotion": "Friendly"}
    data = heygen("streaming.new", payload)["data"]
    session.update(data)
    heygen("streaming.start", {"session_id": data["session_id"]})
    return {"url": session["url"], "token": session["access_token"]}


def avatar_say(text: str) -> Optional[str]:
    res = heygen("streaming.task", {"session_id": session["session_id"], "text": text, "task_type": "repeat"})
    return res.get("data", {}).get("task_id")


def greet():
    msg = "Hi, welcome to ACME! How can I help you today?"
    avatar_say(msg)
    log_turn("assistant", msg)


def handle_question(question: str) -> str:
    log_turn("user", question)
    answer = ask_llm(question)
    avatar_say(answer)
    log_turn("assistant", answer)
    return answer


def close_avatar():
    if not session.get("session_id"):
        return
    try:
        heygen("streaming.stop", {"session_id": session["session_id"]})
    finally:
        session.clear()
