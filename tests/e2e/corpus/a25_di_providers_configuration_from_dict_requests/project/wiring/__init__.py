"""A tiny dependency-injection container in the style of dependency-injector."""
from __future__ import annotations

import functools
import inspect
from typing import Any, Callable


class _Option:
    def __init__(self, root: "Configuration", path: tuple[str, ...]) -> None:
        self._root, self._path = root, path

    def __getattr__(self, name: str) -> "_Option":
        return _Option(self._root, self._path + (name,))

    def __call__(self) -> Any:
        value: Any = self._root._values
        for part in self._path:
            value = value[part]
        return value


class Configuration:
    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def from_dict(self, values: dict[str, Any]) -> None:
        self._values.update(values)

    def __getattr__(self, name: str) -> _Option:
        if name.startswith("_"):
            raise AttributeError(name)
        return _Option(self, (name,))


def _resolve(value: Any) -> Any:
    if isinstance(value, (_Option, Provider)):
        return value()
    return value


class Provider:
    def __init__(self, factory: Callable[..., Any], **kwargs: Any) -> None:
        self.factory, self.kwargs = factory, kwargs

    def __call__(self) -> Any:
        return self.factory(**{k: _resolve(v) for k, v in self.kwargs.items()})


class Factory(Provider):
    pass


class Singleton(Provider):
    def __init__(self, factory: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(factory, **kwargs)
        self._instance: Any = None

    def __call__(self) -> Any:
        if self._instance is None:
            self._instance = super().__call__()
        return self._instance


class Provide:
    container: Any = None

    def __class_getitem__(cls, name: str) -> "Provide":
        marker = cls()
        marker.name = name
        return marker


def inject(fn: Callable[..., Any]) -> Callable[..., Any]:
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind_partial(*args, **kwargs)
        for name, param in signature.parameters.items():
            if name not in bound.arguments and isinstance(param.default, Provide):
                kwargs[name] = getattr(Provide.container, param.default.name)()
        return await fn(*args, **kwargs)

    return wrapper
