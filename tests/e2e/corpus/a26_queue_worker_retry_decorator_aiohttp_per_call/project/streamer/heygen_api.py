import asyncio
import functools
import logging
import os

import aiohttp

BASE_URL = "https://api.heygen.com"
log = logging.getLogger(__name__)


class HeygenAPIError(Exception):
    def __init__(self, path, status, payload):
        super().__init__(f"{path} -> {status}: {payload}")
        self.status = status


def with_retries(attempts=3, backoff=0.25):
    def deco(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            last = None
            for i in range(attempts):
                try:
                    return await fn(*args, **kwargs)
                except (aiohttp.ClientConnectionError, asyncio.TimeoutError) as exc:
                    last = exc
                    log.warning("retry %d/%d after %r", i + 1, attempts, exc)
                    await asyncio.sleep(backoff * (2**i))
            raise last

        return wrapper

    return deco


def _headers():
    return {"x-api-key": os.getenv("HEYGEN_API_KEY"), "content-type": "application/json"}


@with_retries(attempts=3)
async def heygen_call(path, payload=None):
    async with aiohttp.ClientSession(headers=_headers()) as session:
        async with session.post(BASE_URL + path, json=payload or {}) as resp:
            body = await resp.json()
            if resp.status >= 400 or body.get("code") not in (None, 100):
                raise HeygenAPIError(path, resp.status, body)
            return body.get("data") or {}
