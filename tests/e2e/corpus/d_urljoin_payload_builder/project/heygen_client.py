"""Sync client for HeyGen interactive avatars; the request bodies and response parsing live in
small builder/parser methods so they can be unit-tested without the network."""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urljoin

import requests


class Room(NamedTuple):
    session_id: str
    server_url: str
    client_token: str


def load_settings(path: str | os.PathLike = "avatar.toml") -> dict[str, Any]:
    with open(Path(path), "rb") as fh:
        return tomllib.load(fh)


class HeyGenClient:
    base_url = "https://api.heygen.com/v1/"

    def __init__(self, api_key: str, avatar_id: str, settings: dict[str, Any] | None = None,
                 voice_id: str | None = None):
        self.avatar_id = avatar_id
        self.voice_id = voice_id
        self.settings = settings or {}
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key

    # builders / parsers ---------------------------------------------------------------
    def _url(self, endpoint: str) -> str:
        return urljoin(self.base_url, endpoint)

    def _session_payload(self) -> dict[str, Any]:
        sess = self.settings.get("session", {})
        payload: dict[str, Any] = {
            "avatar_id": self.avatar_id,
            "version": "v2",
            "quality": sess.get("quality", "medium"),
        }
        if "language" in sess:
            payload["language"] = sess["language"]
        if "idle_timeout" in sess:
            payload["activity_idle_timeout"] = int(sess["idle_timeout"])
        voice = self.settings.get("voice", {})
        if self.voice_id or voice:
            payload["voice"] = {"rate": float(voice.get("rate", 1.0))}
            if self.voice_id:
                payload["voice"]["voice_id"] = self.voice_id
        return payload

    @staticmethod
    def _parse_room(body: dict[str, Any]) -> Room:
        data = body["data"]
        return Room(data["session_id"], data["url"], data["access_token"])

    # calls ----------------------------------------------------------------------------
    def open(self) -> Room:
        resp = self.http.post(self._url("streaming.new"), json=self._session_payload(), timeout=30)
        resp.raise_for_status()
        room = self._parse_room(resp.json())
        self.http.post(self._url("streaming.start"), json={"session_id": room.session_id},
                       timeout=30).raise_for_status()
        return room

    def repeat(self, room: Room, text: str) -> None:
        self.http.post(self._url("streaming.task"),
                       json={"session_id": room.session_id, "text": text, "task_type": "repeat"},
                       timeout=30).raise_for_status()

    def keep_alive(self, room: Room) -> None:
        self.http.post(self._url("streaming.keep_alive"), json={"session_id": room.session_id},
                       timeout=30).raise_for_status()

    def close(self, room: Room) -> None:
        self.http.post(self._url("streaming.stop"), json={"session_id": room.session_id},
                       timeout=30).raise_for_status()


def from_env(settings_path: str = "avatar.toml") -> HeyGenClient:
    return HeyGenClient(
        api_key=os.environ["HEYGEN_API_KEY"],
        avatar_id=os.environ.get("READER_AVATAR", "Wayne_20240711"),
        settings=load_settings(settings_path),
    )
