"""Greets a visitor through the live avatar, then hangs up."""
import json
import os

import requests

from settings import API_ROOT, DEFAULT_HEADERS

AVATAR = os.environ.get("AVATAR_ID", "Wayne_20240711")
KB = os.environ["KNOWLEDGE_BASE_ID"]


def _post(url, body):
    r = requests.post(url, data=json.dumps(body), headers={**DEFAULT_HEADERS, "Content-Type": "application/json"}, timeout=10)
    r.raise_for_status()
    return r.json()


def main():
    created = _post("%sstreaming.new" % API_ROOT, dict(avatar_id=AVATAR, quality="low", version="v2", knowledge_base_id=KB))
    sid = created.get("data", {}).get("session_id")
    if not sid:
        return
    _post(API_ROOT + "streaming.start", {"session_id": sid})
    _post(API_ROOT + "streaming.task", {"session_id": sid, "text": "Hello there!", "task_type": "repeat"})
    _post(API_ROOT + "streaming.task", dict(session_id=sid, text="What can you do?", task_type="chat"))
    _post(API_ROOT + "streaming.interrupt", {"session_id": sid})
    _post(API_ROOT + "streaming.keep_alive", {"session_id": sid})
    _post(API_ROOT + "streaming.stop", {"session_id": sid})


if __name__ == "__main__":
    main()
