import json
import os
from functools import lru_cache

import httpx

from . import settings
from .worker import MiniCelery

app = MiniCelery("avatar-ops")


@lru_cache(maxsize=1)
def client():
    return httpx.Client(
        base_url=settings.HEYGEN_BASE,
        headers={"x-api-key": settings.HEYGEN_KEY, "accept": "application/json"},
        timeout=15.0,
    )


def _pins():
    if not os.path.exists(settings.PIN_FILE):
        return set()
    with open(settings.PIN_FILE) as fh:
        return set(json.load(fh))


def pin(session_id):
    pins = _pins() | {session_id}
    with open(settings.PIN_FILE, "w") as fh:
        json.dump(sorted(pins), fh)


@app.task(bind=True, max_retries=2)
def open_session(self, avatar_id, greeting):
    try:
        r = client().post("/v1/streaming.new", json={"avatar_id": avatar_id, "version": "v2"})
        r.raise_for_status()
    except httpx.TransportError as exc:
        raise self.retry(exc=exc, countdown=2)
    session = r.json()["data"]
    client().post("/v1/streaming.start", json={"session_id": session["session_id"]}).raise_for_status()
    client().post(
        "/v1/streaming.task",
        json={"session_id": session["session_id"], "text": greeting, "task_type": "repeat"},
    ).raise_for_status()
    return {"id": session["session_id"], "url": session["url"], "token": session["access_token"]}


def _active_ids():
    r = client().get("/v1/streaming.list")
    r.raise_for_status()
    return [s["session_id"] for s in r.json()["data"]["sessions"]]


@app.task()
def keepalive_all():
    done = 0
    for sid in _active_ids():
        client().post("/v1/streaming.keep_alive", json={"session_id": sid}).raise_for_status()
        done += 1
    return done


@app.task()
def sweep():
    pins = _pins()
    stopped = []
    for sid in _active_ids():
        if sid in pins:
            continue
        client().post("/v1/streaming.stop", json={"session_id": sid}).raise_for_status()
        stopped.append(sid)
    return stopped


@app.task()
def history_report():
    r = client().get("/v2/streaming.list", params={"page": 1, "page_size": 50})
    r.raise_for_status()
    rows = r.json()["data"]
    stats = {
        "sessions": len(rows),
        "total_seconds": sum(row["duration"] for row in rows),
    }
    print(json.dumps(stats))
    return stats
