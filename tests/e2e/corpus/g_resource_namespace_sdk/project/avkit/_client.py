from __future__ import annotations

import os

from ._transport import DEFAULT_BASE_URL, _Transport
from .resources import Sessions, Tasks


class Client:
    """Entry point: ``Client().sessions.create(...)``, ``client.tasks.send(...)``."""

    def __init__(self, api_key: str | None = None, base_url: str = DEFAULT_BASE_URL) -> None:
        key = api_key or os.environ.get("HEYGEN_API_KEY")
        if not key:
            raise ValueError("pass api_key= or set HEYGEN_API_KEY")
        self._transport = _Transport(key, base_url)
        self.sessions = Sessions(self._transport)
        self.tasks = Tasks(self._transport)

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
