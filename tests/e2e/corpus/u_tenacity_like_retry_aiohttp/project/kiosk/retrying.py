"""A tenacity look-alike (we only need async retries and did not want the dependency).

    @retry(stop=stop_after_attempt(3), wait=wait_exponential(multiplier=0.05, max=1),
           retry=retry_if_exception_type(TransientError), reraise=True)
    async def call(...): ...
"""
import asyncio
import functools
import logging

log = logging.getLogger(__name__)


class RetryError(Exception):
    def __init__(self, last):
        super().__init__(f"gave up after retries: {last!r}")
        self.last = last


def stop_after_attempt(n):
    return lambda attempt: attempt >= n


def wait_exponential(multiplier=1.0, max=10.0):  # noqa: A002 - tenacity's spelling
    return lambda attempt: min(max, multiplier * (2 ** (attempt - 1)))


def retry_if_exception_type(*types):
    return lambda exc: isinstance(exc, types)


def retry(stop=stop_after_attempt(3), wait=wait_exponential(), retry=retry_if_exception_type(Exception), reraise=False):
    def decorate(fn):
        @functools.wraps(fn)
        async def wrapped(*args, **kwargs):
            attempt = 0
            while True:
                attempt += 1
                try:
                    return await fn(*args, **kwargs)
                except Exception as exc:  # noqa: BLE001
                    if not retry(exc) or stop(attempt):
                        if reraise:
                            raise
                        raise RetryError(exc) from exc
                    delay = wait(attempt)
                    log.warning("%s failed (%s), retry %d in %.2fs", fn.__name__, exc, attempt, delay)
                    await asyncio.sleep(delay)

        return wrapped

    return decorate
