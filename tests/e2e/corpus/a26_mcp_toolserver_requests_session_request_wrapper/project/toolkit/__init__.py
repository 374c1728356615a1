"""Tiny stand-in for an MCP server SDK: register tools, call them by name (what the host does)."""
import inspect
from typing import Any, Awaitable, Callable


class ToolServer:
    def __init__(self, name: str) -> None:
        self.name = name
        self._tools: dict[str, Callable[..., Awaitable[Any]]] = {}

    def tool(self, name: str | None = None):
        def register(fn):
            self._tools[name or fn.__name__] = fn
            return fn

        return register

    def list_tools(self) -> list[dict[str, Any]]:
        return [
            {"name": n, "params": list(inspect.signature(f).parameters), "doc": (f.__doc__ or "").strip()}
            for n, f in self._tools.items()
        ]

    async def call_tool(self, name: str, arguments: dict[str, Any] | None = None) -> Any:
        try:
            return {"content": await self._tools[name](**(arguments or {})), "isError": False}
        except Exception as exc:  # the SDK reports tool errors to the model
            return {"content": f"{type(exc).__name__}: {exc}", "isError": True}
