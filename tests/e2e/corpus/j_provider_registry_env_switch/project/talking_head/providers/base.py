from __future__ import annotations

import abc
from typing import NamedTuple


class Stage(NamedTuple):
    session_id: str
    url: str
    token: str


class Provider(abc.ABC):
    name = "abstract"

    @abc.abstractmethod
    def open(self) -> Stage: ...

    @abc.abstractmethod
    def say(self, text: str, *, kind: str = "repeat") -> None: ...

    @abc.abstractmethod
    def hush(self) -> None: ...

    @abc.abstractmethod
    def close(self) -> None: ...
