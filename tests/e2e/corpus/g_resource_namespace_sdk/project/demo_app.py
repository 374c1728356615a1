"""Runs one scripted product demo with the avatar, then takes questions."""
from __future__ import annotations

import logging
import os
from typing import Callable, Iterable

from avkit import Client

log = logging.getLogger("demo")


def run_demo(
    on_room: Callable[[str, str], None],
    script: Iterable[str],
    questions: Iterable[str],
) -> None:
    with Client() as client:
        session = client.sessions.create(
            avatar_id=os.environ.get("DEMO_AVATAR", "Anna_public_3_20240108"),
            quality="high",
            knowledge_base_id=os.environ["DEMO_KB"],
        )
        client.sessions.start(session.id)
        on_room(session.url, session.access_token)
        try:
            for line in script:
                result = client.tasks.send(session.id, line)
                log.info("said %r (%s)", line, result.task_id)
            client.sessions.keep_alive(session.id)
            for q in questions:
                client.tasks.send(session.id, q, task_type="chat")
            client.tasks.interrupt(session.id)
        finally:
            client.sessions.stop(session.id)
