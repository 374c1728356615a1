"""Jobs for the hotel lobby avatar; run by `rq worker lobby`."""
from __future__ import annotations

import os

import requests

from rqlite import Job, get_current_job

BASE = "https://api.heygen.com/v1"


def _headers() -> dict:
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def open_lobby_avatar() -> str:
    job = get_current_job()
    resp = requests.post(
        BASE + "/streaming.new",
        json={"avatar_id": os.environ.get("LOBBY_AVATAR", "Anna_public_3_20240108"), "quality": "high", "version": "v2"},
        headers=_headers(),
        timeout=30,
    )
    resp.raise_for_status()
    session = resp.json()["data"]
    requests.post(BASE + "/streaming.start", json={"session_id": session["session_id"]}, headers=_headers(), timeout=30).raise_for_status()
    job.meta["session"] = session
    job.save_meta()
    return session["session_id"]


def _session_id(open_job_id: str) -> str:
    return Job.fetch(open_job_id).meta["session"]["session_id"]


def announce(open_job_id: str, text: str) -> None:
    requests.post(
        BASE + "/streaming.task",
        json={"session_id": _session_id(open_job_id), "text": text, "task_type": "repeat"},
        headers=_headers(),
        timeout=30,
    ).raise_for_status()


def close_lobby_avatar(open_job_id: str) -> None:
    requests.post(BASE + "/streaming.stop", json={"session_id": _session_id(open_job_id)}, headers=_headers(), timeout=30).raise_for_status()
