"""Lobby receptionist: greets visitors and answers questions from the building FAQ."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TypedDict

import requests

BASES = {
    "prod": "https://api.heygen.com",
    "staging": "https://api.heygen.com",  # HeyGen has no staging; same account, other avatar
    "mock": "http://localhost:8000",  # tests/mock_heygen.py
}
GREETING = "Hello and welcome to the Riverside building."


@dataclass(frozen=True)
class Settings:
    base: str
    api_key: str
    avatar: str
    kb: str

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            base=BASES[os.environ.get("APP_ENV", "prod")],
            api_key=os.environ.get("HEYGEN_API_KEY", ""),
            avatar=os.environ.get("RECEPTION_AVATAR", "Anna_public_3_20240108"),
            kb=os.environ.get("RECEPTION_KB", ""),
        )


SETTINGS = Settings.from_env()
HTTP = requests.Session()
HTTP.headers.update({"X-API-KEY": SETTINGS.api_key, "accept": "application/json"})


class Desk(TypedDict):
    session_id: str
    url: str
    access_token: str


class HeyGenAPIError(Exception):
    pass


def heygen(action, **body):
    resp = HTTP.post("{}/v1/streaming.{}".format(SETTINGS.base, action), json=body, timeout=30)
    try:
        resp.raise_for_status()
    except requests.HTTPError as err:
        raise HeyGenAPIError(f"{action}: HTTP {resp.status_code} {resp.text[:200]!r}") from err
    payload = resp.json()
    if payload.get("code") != 100:
        raise HeyGenAPIError(f"{action}: {payload.get('message')}")
    return payload.get("data", {})


def open_desk() -> Desk:
    data = heygen("new", avatar_id=SETTINGS.avatar, quality="medium", knowledge_base_id=SETTINGS.kb, version="v2")
    heygen("start", session_id=data["session_id"])
    return Desk(**{k: data[k] for k in Desk.__annotations__})


def main(questions, on_room=None):
    desk = open_desk()
    sid = desk["session_id"]
    if on_room is not None:
        on_room(desk["url"], desk["access_token"])
    else:
        print("room:", desk["url"], desk["access_token"])
    try:
        heygen("task", session_id=sid, text=GREETING, task_type="repeat")
        heygen("start_listening", session_id=sid)
        for question in questions:
            answer = heygen("task", session_id=sid, text=question, task_type="talk")
            print(f"{question!r} -> task {answer.get('task_id')}")
            heygen("keep_alive", session_id=sid)
        heygen("stop_listening", session_id=sid)
    finally:
        heygen("stop", session_id=sid)


if __name__ == "__main__":
    main(sys.argv[1:] or ["What are the opening hours?"])
