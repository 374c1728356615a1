"""Background jobs: announcements are queued so the HTTP request returns at once."""
from __future__ import annotations

from enum import Enum

import httpx

from .settings import get_settings
from .worker import celery_app


class TaskType(str, Enum):
    REPEAT = "repeat"
    CHAT = "chat"


@celery_app.task(name="concierge.announce", bind=True, max_retries=3)
def announce(self, session_id: str, text: str, task_type: str = "repeat") -> dict:
    settings = get_settings()
    try:
        resp = httpx.post(
            f"{settings.heygen_api_base}/streaming.task",
            headers={"x-api-key": settings.heygen_api_key},
            json={"session_id": session_id, "text": text, "task_type": TaskType(task_type).value},
            timeout=settings.request_timeout,
        )
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        raise self.retry(exc=exc, countdown=2)
    data = resp.json()["data"]
    return {"session_id": session_id, "task_id": data["task_id"]}
