"""Newsroom pipeline: headlines -> script lines -> the anchor avatar reads them."""
from __future__ import annotations

import os
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from hs_lite import component

HEYGEN_STREAMING = "https://api.heygen.com/v1/streaming"


@component
class ScriptWriter:
    def run(self, headlines: list[str]) -> dict[str, Any]:
        lines = [f"Breaking: {h}." for h in headlines]
        return {"lines": ["Good evening, here is the news.", *lines, "That's all for tonight."]}


@component
class AvatarAnchor:
    """Reads the script on the studio screen. The session opens in warm_up()."""

    def __init__(self, avatar_id: str | None = None, api_key: str | None = None) -> None:
        self.avatar_id = avatar_id or os.environ.get("ANCHOR_AVATAR", "Wayne_20240711")
        self.http = requests.Session()
        retries = Retry(total=3, backoff_factor=0.2, status_forcelist=(502, 503, 504), allowed_methods=None)
        self.http.mount("https://", HTTPAdapter(max_retries=retries))
        self.http.headers.update({"x-api-key": api_key or os.environ["HEYGEN_API_KEY"]})
        self.session: dict[str, Any] | None = None

    def _post(self, what: str, **payload: Any) -> dict[str, Any]:
        resp = self.http.post(f"{HEYGEN_STREAMING}.{what}", json=payload, timeout=20)
        resp.raise_for_status()
        return resp.json()

    def warm_up(self) -> None:
        if self.session is None:
            self.session = self._post("new", avatar_id=self.avatar_id, quality="high", version="v2")["data"]
            self._post("start", session_id=self.session["session_id"])

    def viewer(self) -> tuple[str, str]:
        assert self.session is not None
        return self.session["url"], self.session["access_token"]

    def run(self, lines: list[str]) -> dict[str, Any]:
        assert self.session is not None, "call warm_up() first"
        task_ids = []
        for line in lines:
            answer = self._post("task", session_id=self.session["session_id"], text=line, task_type="repeat")
            task_ids.append(answer["data"]["task_id"])
        return {"task_ids": task_ids}

    def close(self) -> None:
        if self.session is not None:
            self._post("stop", session_id=self.session["session_id"])
            self.session = None
