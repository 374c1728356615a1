"""Background jobs: announcements are queued so the HTTP request returns at once."""
from __future__ import annotations

import httpx

from .settings import get_settings
from .worker import celery_app


@celery_app.task(name="concierge.announce", max_retries=3)
def announce(session_id: str, text: str, task_type: str = "repeat") -> dict:
    settings = get_settings()
    with httpx.Client(base_url=settings.heygen_api_base, timeout=settings.request_timeout) as client:
        resp = client.post(
            "/streaming.task",
            headers={"x-api-key": settings.heygen_api_key},
            json={"session_id": session_id, "text": text, "task_type": task_type, "task_mode": "async"},
        )
        resp.raise_for_status()
        data = resp.json()["data"]
    return {"session_id": session_id, "task_id": data["task_id"], "duration_ms": data.get("duration_ms")}
