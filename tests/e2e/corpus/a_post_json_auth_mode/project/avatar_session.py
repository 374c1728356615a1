import os

from heygen_http import ApiError, post_json

API_KEY = os.getenv("HEYGEN_API_KEY", "")
AUTH_MODE = os.getenv("HEYGEN_AUTH_MODE", "x-api-key")


def open_session(avatar_id, quality=None, voice_id=None, voice_rate=None,
                 language=None, knowledge_base_id=None):
    payload = {"avatar_id": avatar_id, "version": "v2"}
    if quality is not None:
        payload["quality"] = quality
    voice = {}
    if voice_id is not None:
        voice["voice_id"] = voice_id
    if voice_rate is not None:
        voice["rate"] = voice_rate
    if voice:
        payload["voice"] = voice
    if language is not None:
        payload["language"] = language
    if knowledge_base_id is not None:
        payload["knowledge_base_id"] = knowledge_base_id

    body = post_json(f"{os.getenv('HEYGEN_API_BASE', 'https://api.heygen.com')}/v1/streaming.new",
                     API_KEY, payload, AUTH_MODE)
    data = body.get("data") or {}
    if not data.get("url") or not data.get("access_token"):
        raise ApiError(f"incomplete session payload: {body}")
    return {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}


def begin(session_id):
    post_json(f"{os.getenv('HEYGEN_API_BASE', 'https://api.heygen.com')}/v1/streaming.start",
              API_KEY, {"session_id": session_id}, AUTH_MODE)


def say(session_id, text, task_type="talk"):
    body = post_json(f"{os.getenv('HEYGEN_API_BASE', 'https://api.heygen.com')}/v1/streaming.task",
                     API_KEY, {"session_id": session_id, "text": text, "task_type": task_type}, AUTH_MODE)
    return (body.get("data") or {}).get("task_id")


def listen(session_id, on=True):
    action = "start_listening" if on else "stop_listening"
    post_json(f"{os.getenv('HEYGEN_API_BASE', 'https://api.heygen.com')}/v1/streaming.{action}",
              API_KEY, {"session_id": session_id}, AUTH_MODE)


def close(session_id):
    try:
        post_json(f"{os.getenv('HEYGEN_API_BASE', 'https://api.heygen.com')}/v1/streaming.stop",
                  API_KEY, {"session_id": session_id}, AUTH_MODE)
    except ApiError as exc:
        print("close failed:", exc)
