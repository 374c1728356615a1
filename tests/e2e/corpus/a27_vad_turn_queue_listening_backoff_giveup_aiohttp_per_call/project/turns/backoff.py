"""A tiny `backoff.on_exception` look-alike (the real package is not allowed in this repo)."""

import asyncio
import functools
import logging

log = logging.getLogger(__name__)


def on_exception(exc_types, max_tries=3, giveup=lambda e: False, factor=0.3):
    def decorate(fn):
        @functools.wraps(fn)
        async def retry(*args, **kwargs):
            tries = 0
            while True:
                tries += 1
                try:
                    return await fn(*args, **kwargs)
                except exc_types as e:
                    if giveup(e) or tries >= max_tries:
                        raise
                    wait = factor * 2 ** (tries - 1)
                    log.warning("backing off %s %.1fs after %r", fn.__name__, wait, e)
                    await asyncio.sleep(wait)

        return retry

    return decorate
