import asyncio
import functools
import logging
import random

import httpx

log = logging.getLogger(__name__)


class Retryable(Exception):
    """Raised for answers worth another try (rate limits, gateway hiccups)."""


def backoff(retries=3, base_delay=0.05, retry_on=(httpx.TransportError, Retryable)):
    def deco(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            attempt = 0
            while True:
                try:
                    return await fn(*args, **kwargs)
                except retry_on as exc:
                    attempt += 1
                    if attempt > retries:
                        raise
                    delay = base_delay * 2 ** (attempt - 1) * (1 + random.random() / 4)
                    log.warning("%s failed (%s), retry %d in %.2fs", fn.__name__, exc, attempt, delay)
                    await asyncio.sleep(delay)

        return wrapper

    return deco
