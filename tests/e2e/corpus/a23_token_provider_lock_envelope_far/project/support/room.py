"""What the support page needs to show the avatar: built from the raw `streaming.new` answer."""
from __future__ import annotations

from typing import Any, TypedDict


class ViewerConfig(TypedDict):
    serverUrl: str
    participantToken: str
    sessionId: str


def viewer_config(opened: dict[str, Any]) -> ViewerConfig:
    if opened.get("code") != 100:
        raise RuntimeError(f"session not opened: {opened.get('message')}")
    return {
        "serverUrl": opened["data"]["url"],
        "participantToken": opened["data"]["access_token"],
        "sessionId": opened["data"]["session_id"],
    }
