"""Provider-neutral interface for the talking-head backends we support."""
from __future__ import annotations

import abc
import os
from dataclasses import dataclass, field
from typing import Callable, Dict, Type


class ProviderError(RuntimeError):
    def __init__(self, provider: str, message: str, code=None):
        super().__init__(f"[{provider}] {message}")
        self.provider = provider
        self.code = code


@dataclass(frozen=True)
class LiveRoom:
    provider: str
    session_id: str
    server_url: str
    token: str
    extra: dict = field(default_factory=dict)


class AvatarProvider(abc.ABC):
    name: str = "abstract"

    @abc.abstractmethod
    async def open(self, avatar_id: str, **options) -> LiveRoom: ...

    @abc.abstractmethod
    async def say(self, room: LiveRoom, text: str) -> None: ...

    @abc.abstractmethod
    async def close(self, room: LiveRoom) -> None: ...


_REGISTRY: Dict[str, Type[AvatarProvider]] = {}


def register(name: str) -> Callable[[Type[AvatarProvider]], Type[AvatarProvider]]:
    def deco(cls):
        cls.name = name
        _REGISTRY[name] = cls
        return cls
    return deco


def get_provider(name: str | None = None) -> AvatarProvider:
    name = (name or os.getenv("AVATAR_PROVIDER", "heygen")).lower()
    try:
        return _REGISTRY[name]()
    except KeyError:
        raise ProviderError(name, f"unknown provider, choose one of {sorted(_REGISTRY)}")
