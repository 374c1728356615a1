"""Offline subset of a LlamaIndex-like FunctionTool: sync and async implementations."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Awaitable, Callable


@dataclass
class ToolOutput:
    tool_name: str
    raw_output: Any

    @property
    def content(self) -> str:
        return str(self.raw_output)


class FunctionTool:
    def __init__(self, fn: Callable[..., Any] | None, async_fn: Callable[..., Awaitable[Any]] | None, name: str, description: str) -> None:
        self.fn, self.async_fn, self.name, self.description = fn, async_fn, name, description

    @classmethod
    def from_defaults(cls, fn=None, async_fn=None, name: str | None = None, description: str = "") -> "FunctionTool":
        base = fn or async_fn
        return cls(fn, async_fn, name or base.__name__, description or (base.__doc__ or ""))

    def call(self, **kwargs: Any) -> ToolOutput:
        if self.fn is None:
            raise RuntimeError(f"{self.name} has no sync implementation")
        return ToolOutput(self.name, self.fn(**kwargs))

    async def acall(self, **kwargs: Any) -> ToolOutput:
        if self.async_fn is None:
            return self.call(**kwargs)
        return ToolOutput(self.name, await self.async_fn(**kwargs))
