"""Ports: what the web layer needs from an avatar vendor. Adapters live in ``adapters/``."""
from __future__ import annotations

import abc
from dataclasses import dataclass


@dataclass
class StreamInfo:
    session_id: str
    server_url: str
    viewer_token: str


class AvatarGateway(abc.ABC):
    @abc.abstractmethod
    def create_token(self) -> str:
        """A short-lived token the browser hands back on every later call."""

    @abc.abstractmethod
    def open_stream(self, token: str) -> StreamInfo: ...

    @abc.abstractmethod
    def send_text(self, token: str, session_id: str, text: str, task_type: str = "repeat") -> None: ...

    @abc.abstractmethod
    def interrupt(self, token: str, session_id: str) -> None: ...

    @abc.abstractmethod
    def close_stream(self, token: str, session_id: str) -> None: ...
