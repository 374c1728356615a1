from __future__ import annotations

import requests

from celerylite import Celery

from . import settings
from .store import store

app = Celery("avatar_tasks", broker="redis://localhost:6379/0")

http = requests.Session()
http.headers.update({"x-api-key": settings.HEYGEN_KEY, "content-type": "application/json"})


@app.task(bind=True, max_retries=3, acks_late=True)
def open_avatar_room(self, room: str) -> dict:
    try:
        r = http.post(
            f"{settings.HEYGEN_API_URL}/v1/streaming.new",
            json={"avatar_id": settings.AVATAR_ID, "quality": "medium", "version": "v2"},
            timeout=30,
        )
        r.raise_for_status()
        data = r.json()["data"]
        http.post(
            f"{settings.HEYGEN_API_URL}/v1/streaming.start", json={"session_id": data["session_id"]}, timeout=30
        ).raise_for_status()
    except requests.HTTPError as exc:
        raise self.retry(exc=exc, countdown=2 ** self.request.retries)
    store.hset(f"avatar:{room}", mapping={"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]})
    return {"livekit_url": data["url"], "livekit_token": data["access_token"]}


@app.task(bind=True, max_retries=2)
def speak_in_room(self, room: str, text: str) -> bool:
    session_id = store.hgetall(f"avatar:{room}")["session_id"]
    try:
        r = http.post(
            f"{settings.HEYGEN_API_URL}/v1/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
            timeout=30,
        )
        r.raise_for_status()
    except requests.HTTPError as exc:
        raise self.retry(exc=exc, countdown=1)
    return True


@app.task(bind=True)
def close_avatar_room(self, room: str) -> bool:
    info = store.hgetall(f"avatar:{room}")
    if not info:
        return False
    r = http.post(f"{settings.HEYGEN_API_URL}/v1/streaming.stop", json={"session_id": info["session_id"]}, timeout=30)
    store.delete(f"avatar:{room}")
    return r.ok
