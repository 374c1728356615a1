"""Offline slice of a dependency-injector-like API: providers.Singleton / Factory /
Configuration, a DeclarativeContainer whose providers build objects on call."""
from __future__ import annotations

from typing import Any, Callable


class _Provider:
    def __call__(self) -> Any:
        raise NotImplementedError


class Configuration(_Provider):
    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def from_dict(self, values: dict[str, Any]) -> None:
        self._values.update(values)

    def __getattr__(self, name: str) -> "_Lazy":
        return _Lazy(lambda: self._values[name])


class _Lazy(_Provider):
    def __init__(self, get: Callable[[], Any]) -> None:
        self._get = get

    def __call__(self) -> Any:
        return self._get()


def _resolve(value: Any) -> Any:
    return value() if isinstance(value, _Provider) else value


class Factory(_Provider):
    def __init__(self, cls: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.cls, self.args, self.kwargs = cls, args, kwargs

    def __call__(self) -> Any:
        return self.cls(*[_resolve(a) for a in self.args], **{k: _resolve(v) for k, v in self.kwargs.items()})


class Singleton(Factory):
    _instance: Any = None

    def __call__(self) -> Any:
        if self._instance is None:
            self._instance = super().__call__()
        return self._instance

    def reset(self) -> None:
        self._instance = None


class providers:  # noqa: N801 - the real package's module name
    Configuration = Configuration
    Factory = Factory
    Singleton = Singleton


class DeclarativeContainer:
    pass
