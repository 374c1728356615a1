"""A tiny stand-in for tenacity: we only need 'try a few times, back off'."""

import asyncio
import functools
import logging
import random

log = logging.getLogger(__name__)


def retry_async(attempts=3, base_delay=0.05, retry_on=(Exception,)):
    def decorator(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            last_exc = None
            for attempt in range(1, attempts + 1):
                try:
                    return await fn(*args, **kwargs)
                except retry_on as exc:  # noqa: PERF203
                    last_exc = exc
                    if attempt == attempts:
                        break
                    delay = base_delay * (2 ** (attempt - 1)) + random.uniform(0, base_delay)
                    log.warning("%s failed (%s), retry %d/%d in %.2fs", fn.__name__, exc, attempt, attempts, delay)
                    await asyncio.sleep(delay)
            raise last_exc

        return wrapper

    return decorator
