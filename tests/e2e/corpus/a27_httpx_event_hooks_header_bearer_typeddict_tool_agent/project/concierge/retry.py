import asyncio
import functools
import logging
import random

log = logging.getLogger(__name__)


class retry_async:
    """Poor man's tenacity: retry a coroutine function on the given exceptions."""

    def __init__(self, attempts=3, on=(Exception,), base_delay=0.2, max_delay=2.0):
        self.attempts = attempts
        self.on = on
        self.base_delay = base_delay
        self.max_delay = max_delay

    def __call__(self, fn):
        @functools.wraps(fn)
        async def wrapped(*args, **kwargs):
            for attempt in range(1, self.attempts + 1):
                try:
                    return await fn(*args, **kwargs)
                except self.on as exc:
                    if attempt == self.attempts:
                        raise
                    delay = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
                    delay += random.uniform(0, delay / 4)
                    log.info("%s failed (%s), retry %d in %.2fs", fn.__name__, exc, attempt, delay)
                    await asyncio.sleep(delay)

        return wrapped
