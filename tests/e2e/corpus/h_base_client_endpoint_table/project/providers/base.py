from __future__ import annotations

import abc
from typing import Any, ClassVar, NamedTuple

import requests


class Room(NamedTuple):
    session_id: str
    url: str
    token: str


class ProviderError(RuntimeError):
    pass


class BaseAvatarClient(abc.ABC):
    """Shared plumbing for streaming-avatar vendors."""

    BASE_URL: ClassVar[str]
    ENDPOINTS: ClassVar[dict[str, str]]
    TIMEOUT: ClassVar[float] = 30.0

    def __init__(self, api_key: str, *, session: requests.Session | None = None) -> None:
        self.api_key = api_key
        self.http = session or requests.Session()

    @classmethod
    @abc.abstractmethod
    def from_env(cls) -> BaseAvatarClient: ...

    @abc.abstractmethod
    def auth_headers(self) -> dict[str, str]: ...

    def unwrap(self, body: dict[str, Any]) -> Any:
        return body

    def _call(self, name: str, **payload: Any) -> Any:
        url = self.BASE_URL + self.ENDPOINTS[name]
        resp = self.http.post(url, json=payload, headers=self.auth_headers(), timeout=self.TIMEOUT)
        if resp.status_code >= 400:
            raise ProviderError(f"{name}: HTTP {resp.status_code} {resp.text[:200]}")
        return self.unwrap(resp.json())

    @abc.abstractmethod
    def open(self, avatar_id: str, **options: Any) -> Room: ...

    @abc.abstractmethod
    def speak(self, room: Room, text: str) -> None: ...

    @abc.abstractmethod
    def close(self, room: Room) -> None: ...
