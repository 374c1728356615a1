"""Celery-compatible task registration; runs tasks inline when no broker is configured (eager mode)."""
from __future__ import annotations

import functools
import logging
import os
from typing import Any, Callable

log = logging.getLogger(__name__)


class EagerResult:
    def __init__(self, value: Any) -> None:
        self.value = value

    def get(self, timeout: float | None = None) -> Any:
        return self.value


class Retry(Exception):
    pass


class BoundTask:
    def __init__(self, name: str, max_retries: int) -> None:
        self.name = name
        self.max_retries = max_retries

    def retry(self, exc: BaseException | None = None, countdown: float = 0) -> Retry:
        return Retry(f"{self.name} would be retried in {countdown}s: {exc!r}")


class TaskApp:
    def __init__(self, name: str, broker: str | None = None) -> None:
        self.name = name
        self.broker = broker
        self.tasks: dict[str, Callable[..., Any]] = {}

    def task(
        self, name: str | None = None, max_retries: int = 0, bind: bool = False
    ) -> Callable[[Callable[..., Any]], Any]:
        def register(fn: Callable[..., Any]) -> Any:
            task_name = name or f"{fn.__module__}.{fn.__name__}"

            @functools.wraps(fn)
            def run(*args: Any, **kwargs: Any) -> Any:
                if bind:
                    return fn(BoundTask(task_name, max_retries), *args, **kwargs)
                return fn(*args, **kwargs)

            def delay(*args: Any, **kwargs: Any) -> EagerResult:
                log.info("running %s eagerly", task_name)
                return EagerResult(run(*args, **kwargs))

            run.delay = delay  # type: ignore[attr-defined]
            run.name = task_name  # type: ignore[attr-defined]
            self.tasks[task_name] = run
            return run

        return register


celery_app = TaskApp("concierge", broker=os.environ.get("CELERY_BROKER_URL"))
