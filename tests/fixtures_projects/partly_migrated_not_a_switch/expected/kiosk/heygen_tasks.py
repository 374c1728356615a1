"""Not migrated yet."""

import os

from . import liveavatar_bridge

API = "https://api.liveavatar.com/v1"
HEADERS = {"X-API-KEY": os.environ.get("LIVEAVATAR_API_KEY", "")}


def interrupt(session_id: str) -> None:
    liveavatar_bridge.emit(session_id, "avatar.interrupt")
