"""Celery-compatible task registration.

With ``CELERY_BROKER_URL=subprocess://`` a queued task runs in a separate worker process (what
a Celery worker does, without a broker); otherwise it runs inline (eager mode).
"""
from __future__ import annotations

import functools
import importlib
import json
import logging
import os
import subprocess
import sys
from typing import Any, Callable

log = logging.getLogger(__name__)


class EagerResult:
    def __init__(self, value: Any) -> None:
        self.value = value

    def get(self, timeout: float | None = None) -> Any:
        return self.value


class TaskApp:
    def __init__(self, name: str, broker: str | None = None, include: tuple[str, ...] = ()) -> None:
        self.name = name
        self.broker = broker
        self.include = include
        self.tasks: dict[str, Callable[..., Any]] = {}

    def task(self, name: str | None = None, max_retries: int = 0) -> Callable[[Callable[..., Any]], Any]:
        def register(fn: Callable[..., Any]) -> Any:
            task_name = name or f"{fn.__module__}.{fn.__name__}"

            @functools.wraps(fn)
            def run(*args: Any, **kwargs: Any) -> Any:
                return fn(*args, **kwargs)

            def delay(*args: Any, **kwargs: Any) -> EagerResult:
                if self.broker == "subprocess://":
                    return EagerResult(self._in_worker(task_name, args, kwargs))
                log.info("running %s eagerly", task_name)
                return EagerResult(fn(*args, **kwargs))

            run.delay = delay  # type: ignore[attr-defined]
            run.name = task_name  # type: ignore[attr-defined]
            self.tasks[task_name] = run
            return run

        return register

    def _in_worker(self, task_name: str, args: tuple, kwargs: dict) -> Any:
        message = json.dumps({"task": task_name, "args": list(args), "kwargs": kwargs})
        done = subprocess.run(
            [sys.executable, "-m", "concierge.worker", message],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if done.returncode != 0:
            raise RuntimeError(f"task {task_name} failed in the worker:\n{done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def work(self, message: str) -> Any:
        for module in self.include:
            importlib.import_module(module)
        job = json.loads(message)
        return self.tasks[job["task"]](*job["args"], **job["kwargs"])


celery_app = TaskApp(
    "concierge", broker=os.environ.get("CELERY_BROKER_URL"), include=("concierge.tasks",)
)

if __name__ == "__main__":
    # Run as ``python -m concierge.worker``: the tasks register on the importable module's app.
    from concierge.worker import celery_app as registered

    print(json.dumps(registered.work(sys.argv[1])))
