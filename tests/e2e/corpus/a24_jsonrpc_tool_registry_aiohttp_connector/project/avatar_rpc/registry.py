"""Tool registry + JSON-RPC 2.0 dispatch, modelled loosely on the MCP `tools/*` methods."""
from __future__ import annotations

import inspect
import json
import logging
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

log = logging.getLogger(__name__)

ToolFn = Callable[..., Awaitable[Any]]


class ToolError(Exception):
    """Raised by a tool; reported to the caller as `isError: true`."""


@dataclass
class Tool:
    name: str
    description: str
    fn: ToolFn
    params: dict[str, Any] = field(default_factory=dict)

    def schema(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "inputSchema": {"type": "object", "properties": self.params},
        }


class ToolRegistry:
    def __init__(self, server_name: str) -> None:
        self.server_name = server_name
        self._tools: dict[str, Tool] = {}

    def tool(self, name: str | None = None, description: str = "", **params: Any) -> Callable[[ToolFn], ToolFn]:
        def register(fn: ToolFn) -> ToolFn:
            if not inspect.iscoroutinefunction(fn):
                raise TypeError(f"{fn.__name__} must be async")
            tool_name = name or fn.__name__
            self._tools[tool_name] = Tool(tool_name, description or (fn.__doc__ or "").strip(), fn, params)
            return fn

        return register

    async def handle(self, message: dict[str, Any]) -> dict[str, Any]:
        """One JSON-RPC request in, one response out."""
        req_id = message.get("id")
        method = message.get("method")
        try:
            if method == "initialize":
                result: Any = {"serverInfo": {"name": self.server_name, "version": "0.3.1"}, "capabilities": {"tools": {}}}
            elif method == "tools/list":
                result = {"tools": [t.schema() for t in self._tools.values()]}
            elif method == "tools/call":
                result = await self._call(message.get("params") or {})
            else:
                return {"jsonrpc": "2.0", "id": req_id, "error": {"code": -32601, "message": f"no method {method}"}}
        except Exception as exc:  # noqa: BLE001 - an RPC server reports, it does not crash
            log.exception("rpc %s failed", method)
            return {"jsonrpc": "2.0", "id": req_id, "error": {"code": -32603, "message": str(exc)}}
        return {"jsonrpc": "2.0", "id": req_id, "result": result}

    async def _call(self, params: dict[str, Any]) -> dict[str, Any]:
        tool = self._tools.get(params.get("name", ""))
        if tool is None:
            raise ToolError(f"unknown tool {params.get('name')!r}")
        try:
            value = await tool.fn(**(params.get("arguments") or {}))
        except ToolError as exc:
            return {"content": [{"type": "text", "text": str(exc)}], "isError": True}
        text = value if isinstance(value, str) else json.dumps(value)
        return {"content": [{"type": "text", "text": text}], "isError": False}
