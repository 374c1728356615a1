"""Async HeyGen helpers shared by the handlers."""
import os

import aiohttp

HEYGEN_URL = "https://api.heygen.com"


class HeyGenFailure(Exception):
    pass


def _headers():
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Accept": "application/json"}


async def heygen_post(path, payload):
    async with aiohttp.ClientSession() as http:
        async with http.post(HEYGEN_URL + path, json=payload, headers=_headers()) as resp:
            body = await resp.json()
            if resp.status != 200:
                raise HeyGenFailure(f"{path}: {resp.status} {body}")
            return body["data"]
