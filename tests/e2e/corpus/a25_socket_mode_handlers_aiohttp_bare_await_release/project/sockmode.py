"""Offline stand-in for a socket-mode chat app: handlers registered by event type or command."""
from __future__ import annotations

from typing import Any, Awaitable, Callable

Handler = Callable[..., Awaitable[None]]


class App:
    def __init__(self) -> None:
        self._events: dict[str, Handler] = {}
        self._commands: dict[str, Handler] = {}
        self._startup: list[Callable[[], Awaitable[None]]] = []
        self._shutdown: list[Callable[[], Awaitable[None]]] = []
        self.posted: list[str] = []

    def event(self, kind: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            self._events[kind] = fn
            return fn

        return register

    def command(self, name: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            self._commands[name] = fn
            return fn

        return register

    def on_startup(self, fn: Callable[[], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
        self._startup.append(fn)
        return fn

    def on_shutdown(self, fn: Callable[[], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
        self._shutdown.append(fn)
        return fn

    async def start(self) -> None:
        for fn in self._startup:
            await fn()

    async def stop(self) -> None:
        for fn in self._shutdown:
            await fn()

    async def _say(self, text: str) -> None:
        self.posted.append(text)

    async def _ack(self) -> None:
        return None

    async def dispatch_event(self, kind: str, event: dict[str, Any]) -> None:
        await self._events[kind](event=event, say=self._say)

    async def dispatch_command(self, name: str, text: str) -> None:
        await self._commands[name](ack=self._ack, command={"text": text}, say=self._say)
