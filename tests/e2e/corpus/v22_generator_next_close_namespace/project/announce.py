"""Station announcer: a HeyGen streaming avatar on the platform screens."""
from __future__ import annotations

import logging
import os
from types import SimpleNamespace
from typing import Callable, Iterator, Sequence

import requests

log = logging.getLogger("announce")

API_URL = "https://api.heygen.com/v1"
http = requests.Session()
http.headers.update({"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "accept": "application/json"})


def _call(endpoint: str, **fields) -> dict:
    resp = http.post(f"{API_URL}/streaming.{endpoint}", json=fields, timeout=30)
    resp.raise_for_status()
    return resp.json().get("data") or {}


def session_scope(avatar_id: str, knowledge_base_id: str | None = None) -> Iterator[SimpleNamespace]:
    body = {"avatar_id": avatar_id, "quality": "medium", "version": "v2"}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    data = _call("new", **body)
    _call("start", session_id=data["session_id"])
    log.info("session %s started", data["session_id"])
    try:
        yield SimpleNamespace(**data)
    finally:
        _call("stop", session_id=data["session_id"])
        log.info("session %s stopped", data["session_id"])


def main(
    lines: Sequence[str],
    question: str | None = None,
    on_room: Callable[[SimpleNamespace], None] | None = None,
) -> None:
    avatar = os.environ.get("ANNOUNCER_AVATAR", "Anna_public_3_20240108")
    scope = session_scope(avatar, os.environ.get("ANNOUNCER_KB"))
    live = next(scope)
    try:
        if on_room is not None:
            on_room(live)
        for line in lines:
            _call("task", session_id=live.session_id, text=line, task_type="repeat")
            _call("keep_alive", session_id=live.session_id)
        if question:
            _call("task", session_id=live.session_id, text=question, task_type="chat")
        _call("interrupt", session_id=live.session_id)
    finally:
        scope.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main(["Good morning, this is a test announcement."])
