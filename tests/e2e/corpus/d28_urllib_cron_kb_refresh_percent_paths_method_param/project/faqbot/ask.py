"""Ask the FAQ avatar one question, on the knowledge base of one page."""
import os

from .net import fetch
from .refresh import current
from .urls import SESSION_NEW, SESSION_START, SESSION_STOP, SESSION_TASK


def ask(slug, question, show):
    kb_id = current()[slug]
    info = fetch(SESSION_NEW, {"avatar_id": os.environ["FAQ_AVATAR"], "knowledge_base_id": kb_id, "version": "v2"})
    sid = info["session_id"]
    fetch(SESSION_START, {"session_id": sid})
    show(info["url"], info["access_token"])
    try:
        fetch(SESSION_TASK, {"session_id": sid, "text": question, "task_type": "talk"})
    finally:
        fetch(SESSION_STOP, {"session_id": sid})
    return sid
