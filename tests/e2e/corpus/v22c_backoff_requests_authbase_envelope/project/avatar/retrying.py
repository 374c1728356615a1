"""A small retry decorator, so we do not need tenacity for three lines of backoff."""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

log = logging.getLogger(__name__)


class TransientError(Exception):
    """The server asked us to try again later (429, 5xx)."""


def retry(
    *,
    attempts: int = 4,
    base_delay: float = 0.25,
    max_delay: float = 4.0,
    retry_on: tuple[type[BaseException], ...] = (TransientError,),
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            delay = base_delay
            for attempt in range(1, attempts + 1):
                try:
                    return fn(*args, **kwargs)
                except retry_on as exc:
                    if attempt == attempts:
                        raise
                    sleep_for = min(max_delay, delay) * (1 + random.random() / 2)
                    log.warning("%s failed (%s), retry %d/%d in %.2fs", fn.__name__, exc, attempt, attempts - 1, sleep_for)
                    time.sleep(sleep_for)
                    delay *= 2
            raise AssertionError("unreachable")

        return wrapper

    return decorate
