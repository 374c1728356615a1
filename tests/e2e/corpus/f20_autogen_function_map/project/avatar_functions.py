"""HeyGen streaming avatar functions exposed to the AutoGen assistant.

The model gets FUNCTIONS (OpenAI function-calling schemas) in its llm_config and the user
proxy executes the calls through FUNCTION_MAP. The model keeps the session id itself and
passes it back on every call.
"""
import os

import httpx

HEYGEN_BASE_URL = "https://api.heygen.com"

client = httpx.Client(
    base_url=HEYGEN_BASE_URL,
    headers={"x-api-key": os.getenv("HEYGEN_API_KEY", ""), "content-type": "application/json"},
    timeout=httpx.Timeout(30.0),
)


def _post(path: str, payload: dict) -> dict:
    r = client.post(path, json=payload)
    if r.status_code != 200:
        raise RuntimeError(f"HeyGen {path} failed: {r.status_code} {r.text}")
    return r.json()


def open_avatar_session(avatar_id: str = "", knowledge_base_id: str = "") -> dict:
    payload = {
        "quality": "low",
        "avatar_id": avatar_id or os.getenv("KIOSK_AVATAR", "Anna_public_3_20240108"),
        "version": "v2",
        "video_encoding": "VP8",
    }
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    info = _post("/v1/streaming.new", payload)["data"]
    _post("/v1/streaming.start", {"session_id": info["session_id"]})
    return {"session_id": info["session_id"], "livekit_url": info["url"], "livekit_token": info["access_token"]}


def avatar_speak(session_id: str, text: str, task_type: str = "repeat") -> str:
    res = _post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})
    return "ok" if res.get("data") else "failed"


def avatar_interrupt(session_id: str) -> str:
    _post("/v1/streaming.interrupt", {"session_id": session_id})
    return "interrupted"


def close_avatar_session(session_id: str) -> str:
    _post("/v1/streaming.stop", {"session_id": session_id})
    return "closed"


FUNCTIONS = [
    {
        "name": "open_avatar_session",
        "description": "Start the kiosk avatar. Returns session_id and the LiveKit room for the screen.",
        "parameters": {
            "type": "object",
            "properties": {
                "avatar_id": {"type": "string", "description": "avatar to use, empty for the default"},
                "knowledge_base_id": {"type": "string", "description": "knowledge base for talk answers"},
            },
        },
    },
    {
        "name": "avatar_speak",
        "description": "Say text through the avatar. task_type 'repeat' says it verbatim, 'talk' answers it.",
        "parameters": {
            "type": "object",
            "properties": {
                "session_id": {"type": "string"},
                "text": {"type": "string"},
                "task_type": {"type": "string", "enum": ["repeat", "talk"]},
            },
            "required": ["session_id", "text"],
        },
    },
    {
        "name": "avatar_interrupt",
        "description": "Stop the avatar mid-sentence.",
        "parameters": {"type": "object", "properties": {"session_id": {"type": "string"}}, "required": ["session_id"]},
    },
    {
        "name": "close_avatar_session",
        "description": "End the avatar session.",
        "parameters": {"type": "object", "properties": {"session_id": {"type": "string"}}, "required": ["session_id"]},
    },
]

FUNCTION_MAP = {
    "open_avatar_session": open_avatar_session,
    "avatar_speak": avatar_speak,
    "avatar_interrupt": avatar_interrupt,
    "close_avatar_session": close_avatar_session,
}
