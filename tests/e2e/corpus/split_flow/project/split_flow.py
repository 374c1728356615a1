"""A Flask-style backend: each route handler gets only the session id."""

import os

import requests

API = "https://api.heygen.com/v1"


def _headers():
    return {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def create_session(avatar_id):
    new = requests.post(
        f"{API}/streaming.new",
        json={
            "avatar_id": avatar_id,
            "version": "v2",
            "knowledge_base_id": os.environ["KNOWLEDGE_BASE_ID"],
        },
        headers=_headers(),
    )
    session_id = new.json()["data"]["session_id"]
    started = requests.post(
        f"{API}/streaming.start", json={"session_id": session_id}, headers=_headers()
    )
    started.raise_for_status()
    return session_id


def speak(session_id, text, task_type="repeat"):
    body = {"session_id": session_id, "text": text, "task_type": task_type, "task_mode": "sync"}
    r = requests.post(f"{API}/streaming.task", json=body, headers=_headers())
    r.raise_for_status()
    return r.json()["data"]


def stop_listening(session_id):
    requests.post(
        f"{API}/streaming.stop_listening", json={"session_id": session_id}, headers=_headers()
    ).raise_for_status()


def close(session_id):
    requests.post(f"{API}/streaming.stop", json={"session_id": session_id}, headers=_headers())


def main():
    session_id = create_session("Tyler-incasualsuit-20220721")
    speak(session_id, "Hi, I am your assistant.")
    speak(session_id, "Summarise our plans", task_type="chat")
    stop_listening(session_id)
    close(session_id)


if __name__ == "__main__":
    main()
