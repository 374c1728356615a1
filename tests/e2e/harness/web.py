"""The request and response shapes the REST stand-ins work with (independent of the server)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

_NO_BODY = object()


@dataclass
class Request:
    method: str
    host: str
    path: str
    query: dict[str, list[str]]
    headers: Mapping[str, str]  # case-insensitive (email.message.Message)
    raw: bytes

    @classmethod
    def build(cls, method: str, host: str, target: str, headers: Any, raw: bytes) -> Request:
        path, _, query = target.partition("?")
        return cls(method, host, path, parse_qs(query, keep_blank_values=True), headers, raw)

    def header(self, name: str) -> str | None:
        value = self.headers.get(name)
        return None if value is None else str(value)

    def json(self) -> Any:
        """The JSON body, ``None`` for no body; raises ValueError when it is not JSON."""
        if not self.raw:
            return None
        return json.loads(self.raw)

    def describe(self) -> str:
        return f"{self.method} {self.path}"


@dataclass
class Response:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)

    def encode(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body).encode("utf-8")
