"""Thin functions over the HeyGen Streaming API."""

from __future__ import annotations

from typing import Any

import requests

from .config import Config


class APIError(RuntimeError):
    pass


def _headers(cfg: Config) -> dict[str, str]:
    return {"accept": "application/json", "content-type": "application/json", "x-api-key": cfg.api_key}


def _check(resp: requests.Response) -> dict[str, Any]:
    if not resp.ok:
        raise APIError(f"HTTP {resp.status_code}: {resp.text[:200]}")
    return resp.json()


def new_session(cfg: Config) -> dict[str, Any]:
    body: dict[str, Any] = {"avatar_id": cfg.avatar_id, "quality": cfg.quality, "version": "v2", "video_encoding": "H264"}
    if cfg.voice_id:
        body["voice"] = {"voice_id": cfg.voice_id, "rate": 1.0}
    if cfg.knowledge_base_id:
        body["knowledge_base_id"] = cfg.knowledge_base_id
    resp = requests.post(f"{cfg.base_url}/v1/streaming.new", json=body, headers=_headers(cfg), timeout=cfg.timeout)
    return _check(resp)["data"]


def start_session(cfg: Config, session_id: str) -> None:
    resp = requests.post(
        f"{cfg.base_url}/v1/streaming.start", json={"session_id": session_id}, headers=_headers(cfg), timeout=cfg.timeout
    )
    _check(resp)


def send_task(cfg: Config, session_id: str, text: str, task_type: str = "repeat") -> str:
    resp = requests.post(
        f"{cfg.base_url}/v1/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": task_type},
        headers=_headers(cfg),
        timeout=cfg.timeout,
    )
    return _check(resp)["data"]["task_id"]


def keep_alive(cfg: Config, session_id: str) -> None:
    resp = requests.post(
        f"{cfg.base_url}/v1/streaming.keep_alive", json={"session_id": session_id}, headers=_headers(cfg), timeout=cfg.timeout
    )
    _check(resp)


def stop_session(cfg: Config, session_id: str) -> None:
    resp = requests.post(
        f"{cfg.base_url}/v1/streaming.stop", json={"session_id": session_id}, headers=_headers(cfg), timeout=cfg.timeout
    )
    _check(resp)


def list_sessions(cfg: Config) -> list[dict[str, Any]]:
    resp = requests.get(f"{cfg.base_url}/v1/streaming.list", headers=_headers(cfg), timeout=cfg.timeout)
    return _check(resp)["data"]["sessions"]
