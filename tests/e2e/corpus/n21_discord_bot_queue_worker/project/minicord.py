"""A minimal stand-in for the slice of discord.py's commands extension this bot uses."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable


@dataclass
class Author:
    id: int
    name: str


@dataclass
class Context:
    author: Author
    guild_id: int
    sent: list[str] = field(default_factory=list)

    async def send(self, content: str) -> None:
        self.sent.append(content)


class Bot:
    def __init__(self, command_prefix: str = "!") -> None:
        self.command_prefix = command_prefix
        self._commands: dict[str, Callable[..., Awaitable[Any]]] = {}

    def command(self, name: str | None = None):
        def register(func):
            self._commands[name or func.__name__] = func
            return func

        return register

    async def invoke(self, ctx: Context, line: str) -> None:
        if not line.startswith(self.command_prefix):
            return
        name, *args = line[len(self.command_prefix):].split()
        func = self._commands[name]
        params = list(inspect.signature(func).parameters.values())[1:]
        if params and params[-1].kind is inspect.Parameter.KEYWORD_ONLY:
            await func(ctx, *args[: len(params) - 1], **{params[-1].name: " ".join(args[len(params) - 1:])})
        else:
            await func(ctx, *args)
