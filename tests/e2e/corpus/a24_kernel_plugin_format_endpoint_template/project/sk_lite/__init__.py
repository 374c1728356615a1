"""Offline slice of a Semantic-Kernel-like API: @kernel_function, Kernel.add_plugin, invoke."""
from __future__ import annotations

import inspect
from typing import Any, Callable


def kernel_function(name: str | None = None, description: str = "") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def mark(fn: Callable[..., Any]) -> Callable[..., Any]:
        fn.__kernel_function__ = True  # type: ignore[attr-defined]
        fn.__kernel_function_name__ = name or fn.__name__  # type: ignore[attr-defined]
        fn.__kernel_function_description__ = description  # type: ignore[attr-defined]
        return fn

    return mark


class KernelArguments(dict):
    pass


class FunctionResult:
    def __init__(self, value: Any) -> None:
        self.value = value

    def __str__(self) -> str:
        return str(self.value)


class Kernel:
    def __init__(self) -> None:
        self.plugins: dict[str, dict[str, Callable[..., Any]]] = {}

    def add_plugin(self, plugin: object, plugin_name: str) -> None:
        functions = {}
        for _, member in inspect.getmembers(plugin, predicate=inspect.ismethod):
            if getattr(member, "__kernel_function__", False):
                functions[member.__kernel_function_name__] = member
        self.plugins[plugin_name] = functions

    async def invoke(self, plugin_name: str, function_name: str, arguments: KernelArguments | None = None) -> FunctionResult:
        fn = self.plugins[plugin_name][function_name]
        value = fn(**(arguments or {}))
        if inspect.isawaitable(value):
            value = await value
        return FunctionResult(value)
