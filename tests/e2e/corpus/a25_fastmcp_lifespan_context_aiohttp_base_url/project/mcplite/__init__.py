"""A trimmed, offline copy of the FastMCP server surface this project uses.

The real server speaks JSON-RPC over stdio; tests and the desktop host call ``call_tool``
directly inside ``async with server.running():``.
"""
from __future__ import annotations

import inspect
import json
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, AsyncIterator, Awaitable, Callable, Generic, TypeVar

T = TypeVar("T")


@dataclass
class RequestContext(Generic[T]):
    request_id: int
    lifespan_context: T


class Context(Generic[T]):
    def __init__(self, request_context: RequestContext[T]) -> None:
        self.request_context = request_context
        self.logs: list[str] = []

    async def info(self, message: str) -> None:
        self.logs.append(message)


class ToolError(Exception):
    pass


class FastMCP:
    def __init__(self, name: str, lifespan: Callable[["FastMCP"], Any] | None = None) -> None:
        self.name = name
        self._lifespan = lifespan
        self._tools: dict[str, Callable[..., Awaitable[Any]]] = {}
        self._state: Any = None
        self._ids = 0

    def tool(self, name: str | None = None) -> Callable[[Callable[..., Awaitable[Any]]], Callable[..., Awaitable[Any]]]:
        def register(fn: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
            self._tools[name or fn.__name__] = fn
            return fn

        return register

    @asynccontextmanager
    async def running(self) -> AsyncIterator["FastMCP"]:
        if self._lifespan is None:
            yield self
            return
        async with self._lifespan(self) as state:
            self._state = state
            try:
                yield self
            finally:
                self._state = None

    async def call_tool(self, name: str, arguments: dict[str, Any]) -> str:
        fn = self._tools[name]
        self._ids += 1
        kwargs = dict(arguments)
        if "ctx" in inspect.signature(fn).parameters:
            kwargs["ctx"] = Context(RequestContext(self._ids, self._state))
        try:
            result = await fn(**kwargs)
        except ToolError as exc:
            return json.dumps({"isError": True, "message": str(exc)})
        return result if isinstance(result, str) else json.dumps(result)
