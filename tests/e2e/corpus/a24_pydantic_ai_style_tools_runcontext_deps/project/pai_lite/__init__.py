"""Offline slice of a pydantic-ai-like agent API: Agent, RunContext, @agent.tool, and a
scripted model that calls tools in order (the kiosk runs fixed tours, no LLM)."""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Generic, TypeVar

DepsT = TypeVar("DepsT")


@dataclass
class RunContext(Generic[DepsT]):
    deps: DepsT
    step: int = 0


@dataclass
class ToolCall:
    name: str
    args: dict[str, Any]


@dataclass
class RunResult:
    output: list[Any]


class Agent(Generic[DepsT]):
    def __init__(self, name: str, deps_type: type[DepsT], system_prompt: str = "") -> None:
        self.name = name
        self.deps_type = deps_type
        self.system_prompt = system_prompt
        self._tools: dict[str, Callable[..., Awaitable[Any]]] = {}

    def tool(self, fn: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        if not inspect.iscoroutinefunction(fn):
            raise TypeError("tools must be async")
        self._tools[fn.__name__] = fn
        return fn

    async def run(self, plan: list[ToolCall], *, deps: DepsT) -> RunResult:
        outputs = []
        for step, call in enumerate(plan):
            ctx = RunContext(deps=deps, step=step)
            outputs.append(await self._tools[call.name](ctx, **call.args))
        return RunResult(outputs)
