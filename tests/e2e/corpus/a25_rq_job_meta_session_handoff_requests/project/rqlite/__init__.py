"""Synchronous in-process subset of RQ (jobs run at enqueue time; meta kept per job)."""
from __future__ import annotations

import itertools
from typing import Any, Callable

_JOBS: dict[str, "Job"] = {}
_current: list["Job"] = []
_ids = itertools.count(1)


class Job:
    def __init__(self, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self.id = f"job-{next(_ids)}"
        self.func, self.args, self.kwargs = func, args, kwargs
        self.meta: dict[str, Any] = {}
        self._saved_meta: dict[str, Any] = {}
        self.result: Any = None
        self.exc_info: str | None = None

    def save_meta(self) -> None:
        self._saved_meta = dict(self.meta)

    @classmethod
    def fetch(cls, job_id: str) -> "Job":
        job = _JOBS[job_id]
        job.meta = dict(job._saved_meta)
        return job

    def get_status(self) -> str:
        return "failed" if self.exc_info else "finished"


def get_current_job() -> Job | None:
    return _current[-1] if _current else None


class Queue:
    def __init__(self, name: str = "default") -> None:
        self.name = name

    def enqueue(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Job:
        job = Job(func, args, kwargs)
        _JOBS[job.id] = job
        _current.append(job)
        try:
            job.result = func(*args, **kwargs)
        except Exception as exc:  # RQ records the failure on the job
            job.exc_info = repr(exc)
        finally:
            _current.pop()
        return job
