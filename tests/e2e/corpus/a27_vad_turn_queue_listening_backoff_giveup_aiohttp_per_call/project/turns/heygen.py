import os

import aiohttp

from .backoff import on_exception

HEYGEN_ENDPOINT = os.environ.get("HEYGEN_ENDPOINT", "https://api.heygen.com/v1")


class HeyGenHTTPError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


@on_exception(HeyGenHTTPError, max_tries=3, giveup=lambda e: e.status < 500)
async def heygen(endpoint, **payload):
    headers = {"X-API-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{HEYGEN_ENDPOINT}/{endpoint}", json=payload, headers=headers) as resp:
            if resp.status >= 400:
                raise HeyGenHTTPError(resp.status, await resp.text())
            return (await resp.json()).get("data") or {}
