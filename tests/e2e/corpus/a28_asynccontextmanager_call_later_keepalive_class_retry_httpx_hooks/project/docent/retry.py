import asyncio
import functools
import inspect
import logging
import time

log = logging.getLogger(__name__)


class Retry:
    """@Retry(tries=3, on=(httpx.TransportError,)) -- works on def and async def alike."""

    def __init__(self, tries=3, on=(Exception,), wait=0.05):
        self.tries = tries
        self.on = on
        self.wait = wait

    def __call__(self, fn):
        if inspect.iscoroutinefunction(fn):
            @functools.wraps(fn)
            async def async_wrapper(*args, **kwargs):
                for attempt in range(self.tries):
                    try:
                        return await fn(*args, **kwargs)
                    except self.on:
                        if attempt == self.tries - 1:
                            raise
                        log.info("retrying %s", fn.__qualname__)
                        await asyncio.sleep(self.wait * (attempt + 1))

            return async_wrapper

        @functools.wraps(fn)
        def sync_wrapper(*args, **kwargs):
            for attempt in range(self.tries):
                try:
                    return fn(*args, **kwargs)
                except self.on:
                    if attempt == self.tries - 1:
                        raise
                    time.sleep(self.wait * (attempt + 1))

        return sync_wrapper
