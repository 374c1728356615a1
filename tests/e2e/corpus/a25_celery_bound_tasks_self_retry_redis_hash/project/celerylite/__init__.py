"""Eager, in-process stand-in for the Celery API surface the workers use (tests and dev)."""
from __future__ import annotations

import functools
import time
from typing import Any, Callable


class Retry(Exception):
    def __init__(self, exc: BaseException | None, countdown: float) -> None:
        super().__init__(str(exc))
        self.exc, self.countdown = exc, countdown


class MaxRetriesExceeded(Exception):
    pass


class EagerResult:
    def __init__(self, value: Any = None, error: BaseException | None = None) -> None:
        self._value, self._error = value, error

    def get(self, timeout: float | None = None) -> Any:
        if self._error is not None:
            raise self._error
        return self._value


class _Request:
    def __init__(self) -> None:
        self.retries = 0


class BoundTask:
    def __init__(self, fn: Callable[..., Any], max_retries: int, bind: bool) -> None:
        self.fn, self.max_retries, self.bind = fn, max_retries, bind
        self.request = _Request()
        self.name = fn.__name__
        functools.update_wrapper(self, fn)

    def retry(self, exc: BaseException | None = None, countdown: float = 0) -> Retry:
        if self.request.retries >= self.max_retries:
            raise MaxRetriesExceeded(str(exc)) from exc
        return Retry(exc, countdown)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.fn(self, *args, **kwargs) if self.bind else self.fn(*args, **kwargs)

    def delay(self, *args: Any, **kwargs: Any) -> EagerResult:
        self.request = _Request()
        while True:
            try:
                return EagerResult(self(*args, **kwargs))
            except Retry as retry:
                self.request.retries += 1
                time.sleep(min(retry.countdown, 0.01))
            except Exception as exc:
                return EagerResult(error=exc)


class Celery:
    def __init__(self, name: str, broker: str = "memory://") -> None:
        self.name, self.broker = name, broker
        self.tasks: dict[str, BoundTask] = {}

    def task(self, bind: bool = False, max_retries: int = 3, **_options: Any) -> Callable[[Callable[..., Any]], BoundTask]:
        def register(fn: Callable[..., Any]) -> BoundTask:
            task = BoundTask(fn, max_retries, bind)
            self.tasks[task.name] = task
            return task

        return register
