"""Station announcer: a HeyGen streaming avatar on the platform screens."""
from __future__ import annotations

import contextlib
import logging
import os
from typing import Callable, Iterator, NamedTuple, Sequence

import requests

log = logging.getLogger("announce")

API_URL = "https://api.heygen.com/v1"
HEADERS = {
    "x-api-key": os.environ.get("HEYGEN_API_KEY", ""),
    "accept": "application/json",
}


class LiveSession(NamedTuple):
    session_id: str
    url: str
    access_token: str


def _call(endpoint: str, **fields) -> dict:
    resp = requests.post(f"{API_URL}/{endpoint}", json=fields, headers=HEADERS, timeout=30)
    resp.raise_for_status()
    return resp.json().get("data") or {}


@contextlib.contextmanager
def streaming_session(avatar_id: str, *, knowledge_base_id: str | None = None) -> Iterator[LiveSession]:
    body = {"avatar_id": avatar_id, "quality": "medium", "version": "v2"}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    data = _call("streaming.new", **body)
    live = LiveSession(data["session_id"], data["url"], data["access_token"])
    _call("streaming.start", session_id=live.session_id)
    log.info("session %s started", live.session_id)
    try:
        yield live
    finally:
        _call("streaming.stop", session_id=live.session_id)
        log.info("session %s stopped", live.session_id)


def say(session_id: str, text: str) -> None:
    _call("streaming.task", session_id=session_id, text=text, task_type="repeat")


def ask(session_id: str, question: str) -> None:
    _call("streaming.task", session_id=session_id, text=question, task_type="chat")


def interrupt(session_id: str) -> None:
    _call("streaming.interrupt", session_id=session_id)


def keep_alive(session_id: str) -> None:
    _call("streaming.keep_alive", session_id=session_id)


def main(
    lines: Sequence[str],
    question: str | None = None,
    on_room: Callable[[LiveSession], None] | None = None,
) -> None:
    avatar = os.environ.get("ANNOUNCER_AVATAR", "Anna_public_3_20240108")
    with streaming_session(avatar, knowledge_base_id=os.environ.get("ANNOUNCER_KB")) as live:
        if on_room is not None:
            on_room(live)
        for line in lines:
            say(live.session_id, line)
            keep_alive(live.session_id)
        if question:
            ask(live.session_id, question)
        interrupt(live.session_id)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main(["Good morning, this is a test announcement."])
