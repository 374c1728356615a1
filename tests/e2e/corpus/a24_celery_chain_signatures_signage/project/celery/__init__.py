"""A minimal, in-process Celery look-alike (eager execution only). Same public names as the
real package for the parts this project uses: Celery, Task.delay/apply_async/s, chain."""
from __future__ import annotations

import functools
import logging
from typing import Any, Callable

log = logging.getLogger("celery")

__all__ = ["Celery", "Signature", "chain", "shared_task"]


class EagerResult:
    def __init__(self, value: Any = None, exc: BaseException | None = None) -> None:
        self._value, self._exc = value, exc

    def get(self, timeout: float | None = None, propagate: bool = True) -> Any:
        if self._exc is not None and propagate:
            raise self._exc
        return self._value

    def successful(self) -> bool:
        return self._exc is None


class Retry(Exception):
    pass


class Task:
    def __init__(self, app: "Celery", fn: Callable[..., Any], name: str, bind: bool, autoretry_for: tuple, max_retries: int) -> None:
        self.app, self.fn, self.name, self.bind = app, fn, name, bind
        self.autoretry_for, self.max_retries = autoretry_for, max_retries
        self.request = type("Request", (), {"retries": 0})()
        functools.update_wrapper(self, fn)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.fn(self, *args, **kwargs) if self.bind else self.fn(*args, **kwargs)

    def retry(self, exc: BaseException | None = None, countdown: float | None = None) -> Retry:
        return Retry(str(exc))

    def _run(self, args: tuple, kwargs: dict) -> EagerResult:
        self.request.retries = 0
        while True:
            try:
                return EagerResult(self(*args, **kwargs))
            except self.autoretry_for as exc:  # type: ignore[misc]
                if self.request.retries >= self.max_retries:
                    return EagerResult(exc=exc)
                self.request.retries += 1
                log.warning("retrying %s (%s)", self.name, exc)
            except Exception as exc:  # noqa: BLE001 - eager results carry the error
                return EagerResult(exc=exc)

    def apply_async(self, args: tuple | list = (), kwargs: dict | None = None, **options: Any) -> EagerResult:
        return self._run(tuple(args), dict(kwargs or {}))

    def delay(self, *args: Any, **kwargs: Any) -> EagerResult:
        return self.apply_async(args, kwargs)

    def s(self, *args: Any, **kwargs: Any) -> "Signature":
        return Signature(self, args, kwargs)


class Signature:
    def __init__(self, task: Task, args: tuple, kwargs: dict) -> None:
        self.task, self.args, self.kwargs = task, args, kwargs

    def apply_async(self, args: tuple = (), **options: Any) -> EagerResult:
        return self.task.apply_async(tuple(args) + self.args, self.kwargs)

    def __or__(self, other: "Signature") -> "chain":
        return chain(self, other)


class chain:
    def __init__(self, *tasks: Signature) -> None:
        self.tasks = list(tasks)

    def __or__(self, other: Signature) -> "chain":
        return chain(*self.tasks, other)

    def apply_async(self, args: tuple = (), **options: Any) -> EagerResult:
        result = EagerResult(args[0] if args else None)
        first = True
        for sig in self.tasks:
            prev = () if (first and not args) else (result.get(),)
            result = sig.apply_async(prev)
            if not result.successful():
                return result
            first = False
        return result

    __call__ = apply_async


class Celery:
    def __init__(self, main: str, broker: str | None = None, backend: str | None = None) -> None:
        self.main, self.broker, self.backend = main, broker, backend
        self.conf: dict[str, Any] = {"task_always_eager": True}
        self.tasks: dict[str, Task] = {}

    def task(self, *dargs: Any, bind: bool = False, name: str | None = None, autoretry_for: tuple = (), max_retries: int = 3, **_: Any) -> Any:
        def decorate(fn: Callable[..., Any]) -> Task:
            task = Task(self, fn, name or f"{fn.__module__}.{fn.__name__}", bind, autoretry_for, max_retries)
            self.tasks[task.name] = task
            return task

        if dargs and callable(dargs[0]):
            return decorate(dargs[0])
        return decorate


_default_app = Celery("default")


def shared_task(*args: Any, **kwargs: Any) -> Any:
    return _default_app.task(*args, **kwargs)
