"""A small in-process slice of arq's worker model, vendored for the kiosk's offline builds.

Jobs are ``async def job(ctx, *args, **kwargs)``; ``ctx`` is one dict shared by every job of a
worker, filled by ``on_startup``. ``Worker.enqueue`` returns a job id; ``Worker.run_burst``
runs queued jobs in order and keeps each result.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

Job = Callable[..., Awaitable[Any]]


@dataclass
class _Queued:
    job_id: str
    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


@dataclass
class JobResult:
    job_id: str
    success: bool
    result: Any = None
    error: BaseException | None = None


@dataclass
class Worker:
    functions: list[Job]
    on_startup: Callable[[dict[str, Any]], Awaitable[None]] | None = None
    on_shutdown: Callable[[dict[str, Any]], Awaitable[None]] | None = None
    ctx: dict[str, Any] = field(default_factory=dict)
    _queue: list[_Queued] = field(default_factory=list)
    _results: dict[str, JobResult] = field(default_factory=dict)
    _ids: Any = field(default_factory=lambda: itertools.count(1))
    _started: bool = False

    @classmethod
    def from_settings(cls, settings: type) -> "Worker":
        return cls(
            functions=list(settings.functions),
            on_startup=getattr(settings, "on_startup", None),
            on_shutdown=getattr(settings, "on_shutdown", None),
        )

    def enqueue(self, name: str, *args: Any, **kwargs: Any) -> str:
        job_id = f"job-{next(self._ids)}"
        self._queue.append(_Queued(job_id, name, args, kwargs))
        return job_id

    async def run_burst(self) -> None:
        if not self._started:
            if self.on_startup is not None:
                await self.on_startup(self.ctx)
            self._started = True
        by_name = {fn.__name__: fn for fn in self.functions}
        while self._queue:
            item = self._queue.pop(0)
            ctx = {**self.ctx, "job_id": item.job_id}
            try:
                value = await by_name[item.name](ctx, *item.args, **item.kwargs)
            except Exception as exc:  # arq keeps the failure as the job's result
                self._results[item.job_id] = JobResult(item.job_id, False, error=exc)
            else:
                self._results[item.job_id] = JobResult(item.job_id, True, value)

    async def close(self) -> None:
        if self._started and self.on_shutdown is not None:
            await self.on_shutdown(self.ctx)
        self._started = False

    def result(self, job_id: str) -> JobResult:
        return self._results[job_id]
