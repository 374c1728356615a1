"""Just enough of an agents SDK: function tools with a typed run context."""

import inspect
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass
class RunContextWrapper(Generic[T]):
    context: T


@dataclass
class FunctionTool:
    name: str
    description: str
    fn: Any

    async def invoke(self, ctx, **kwargs):
        return await self.fn(ctx, **kwargs)


def function_tool(fn):
    return FunctionTool(fn.__name__, inspect.getdoc(fn) or "", fn)


class Agent:
    def __init__(self, name, tools, planner):
        self.name = name
        self.tools = {t.name: t for t in tools}
        self.planner = planner

    async def run(self, ctx, user_input):
        outputs = []
        for tool_name, args in self.planner(user_input):
            outputs.append(await self.tools[tool_name].invoke(ctx, **args))
        return outputs
