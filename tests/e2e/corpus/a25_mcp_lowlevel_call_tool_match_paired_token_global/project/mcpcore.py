"""Offline copy of the low-level MCP server decorators this project uses."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Awaitable, Callable


@dataclass
class Tool:
    name: str
    description: str
    inputSchema: dict[str, Any]


@dataclass
class TextContent:
    type: str
    text: str


class Server:
    def __init__(self, name: str) -> None:
        self.name = name
        self._list: Callable[[], Awaitable[list[Tool]]] | None = None
        self._call: Callable[[str, dict[str, Any]], Awaitable[list[TextContent]]] | None = None

    def list_tools(self):
        def register(fn):
            self._list = fn
            return fn

        return register

    def call_tool(self):
        def register(fn):
            self._call = fn
            return fn

        return register

    async def handle(self, method: str, params: dict[str, Any]) -> Any:
        if method == "tools/list":
            assert self._list is not None
            return await self._list()
        if method == "tools/call":
            assert self._call is not None
            return await self._call(params["name"], params.get("arguments") or {})
        raise ValueError(method)
