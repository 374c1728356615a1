import os

import requests

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")
HEADERS = {"X-Api-Key": HEYGEN_API_KEY, "Content-Type": "application/json"}

KB_PROMPT = (
    "You are the assistant of a small bike shop. Answer questions about repairs, "
    "prices and opening hours. Keep answers under three sentences."
)


def list_knowledge_bases():
    url = "https://api.heygen.com/v1/streaming/knowledge_base/list"
    r = requests.get(url, headers=HEADERS, timeout=20)
    r.raise_for_status()
    data = r.json().get("data")
    # the response shape changed at some point: sometimes data is the list, sometimes data.list
    if isinstance(data, dict):
        data = data.get("list", [])
    return data or []


def create_knowledge_base(name, opening, prompt):
    url = "https://api.heygen.com/v1/streaming/knowledge_base/create"
    r = requests.post(url, headers=HEADERS, json={"name": name, "opening": opening, "prompt": prompt}, timeout=20)
    r.raise_for_status()
    data = r.json()["data"]
    return data.get("id") or data.get("knowledge_base_id")


def ensure_knowledge_base(name):
    for kb in list_knowledge_bases():
        if kb.get("name") == name:
            return kb.get("id") or kb.get("knowledge_base_id")
    return create_knowledge_base(name, "Hi! Welcome to the shop, how can I help?", KB_PROMPT)


def start_chat_session(knowledge_base_id, avatar_id=None):
    url = "https://api.heygen.com/v1/streaming.new"
    r = requests.post(url, headers=HEADERS, timeout=30, json={
        "avatar_id": avatar_id or os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
        "knowledge_base_id": knowledge_base_id,
        "version": "v2",
        "quality": "medium",
    })
    r.raise_for_status()
    data = r.json()["data"]
    url = "https://api.heygen.com/v1/streaming.start"
    requests.post(url, headers=HEADERS, json={"session_id": data["session_id"]}, timeout=30).raise_for_status()
    return data


def ask(session_id, question):
    url = "https://api.heygen.com/v1/streaming.task"
    r = requests.post(url, headers=HEADERS, timeout=30,
                      json={"session_id": session_id, "text": question, "task_type": "chat", "task_mode": "sync"})
    r.raise_for_status()
    return r.json()["data"]


def end(session_id):
    url = "https://api.heygen.com/v1/streaming.stop"
    requests.post(url, headers=HEADERS, json={"session_id": session_id}, timeout=30)
