"""HeyGen streaming calls. Every function returns a Result instead of raising."""
from __future__ import annotations

import os
from typing import Any

import httpx

from .result import Err, Ok, Result

API_BASE = "https://api.heygen.com"


def client() -> httpx.Client:
    return httpx.Client(
        base_url=API_BASE,
        headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
        timeout=httpx.Timeout(20.0, connect=5.0),
    )


def _check(r: httpx.Response) -> Result[dict[str, Any]]:
    if r.is_error:
        return Err(r.text[:200], r.status_code)
    body = r.json()
    if body.get("code", 100) != 100:
        return Err(body.get("message") or "unknown error", r.status_code)
    return Ok(body.get("data") or {})


def create_session(http: httpx.Client, avatar_id: str, language: str = "en") -> Result[dict[str, Any]]:
    try:
        r = http.post(
            "/v1/streaming.new",
            json={"avatar_id": avatar_id, "quality": "medium", "language": language, "version": "v2"},
        )
    except httpx.HTTPError as exc:
        return Err(f"network: {exc}")
    return _check(r)


def start_session(http: httpx.Client, session_id: str) -> Result[dict[str, Any]]:
    try:
        return _check(http.post("/v1/streaming.start", json={"session_id": session_id}))
    except httpx.HTTPError as exc:
        return Err(f"network: {exc}")


def say(http: httpx.Client, session_id: str, text: str) -> Result[dict[str, Any]]:
    try:
        return _check(
            http.post("/v1/streaming.task", json={"session_id": session_id, "text": text, "task_type": "repeat"})
        )
    except httpx.HTTPError as exc:
        return Err(f"network: {exc}")


def stop_session(http: httpx.Client, session_id: str) -> Result[dict[str, Any]]:
    try:
        return _check(http.post("/v1/streaming.stop", json={"session_id": session_id}))
    except httpx.HTTPError as exc:
        return Err(f"network: {exc}")
