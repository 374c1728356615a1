"""A small async retry helper modelled on tenacity's ``AsyncRetrying`` (no dependency).

    async for attempt in AsyncRetrying(stop=stop_after_attempt(3), wait=wait_fixed(0.1)):
        with attempt:
            await do_something()
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Callable


class RetryError(Exception):
    def __init__(self, last: BaseException) -> None:
        super().__init__(f"gave up after retries: {last!r}")
        self.last = last


def stop_after_attempt(n: int) -> Callable[[int], bool]:
    return lambda number: number >= n


def wait_fixed(seconds: float) -> Callable[[int], float]:
    return lambda number: seconds


def retry_if_exception_type(*types: type[BaseException]) -> Callable[[BaseException], bool]:
    return lambda exc: isinstance(exc, types)


@dataclass
class AttemptManager:
    number: int
    failed: BaseException | None = None

    def __enter__(self) -> "AttemptManager":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc is not None:
            self.failed = exc
        return exc is not None  # swallowed here, re-raised by the iterator when it gives up


class AsyncRetrying:
    def __init__(
        self,
        stop: Callable[[int], bool] = stop_after_attempt(3),
        wait: Callable[[int], float] = wait_fixed(0.0),
        retry: Callable[[BaseException], bool] = retry_if_exception_type(Exception),
    ) -> None:
        self.stop, self.wait, self.retry = stop, wait, retry

    def __aiter__(self):
        return self._attempts()

    async def _attempts(self):
        number = 0
        while True:
            number += 1
            attempt = AttemptManager(number)
            yield attempt
            if attempt.failed is None:
                return
            if not self.retry(attempt.failed) or self.stop(number):
                raise RetryError(attempt.failed) from attempt.failed
            await asyncio.sleep(self.wait(number))
