import os

import aiohttp

API_BASE = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com")


def _u(path):
    return f"{API_BASE}/v1/{path.lstrip('/')}"


class UpstreamError(Exception):
    def __init__(self, status, detail):
        super().__init__(f"HeyGen answered {status}: {detail}")
        self.status = status


async def _json(resp: aiohttp.ClientResponse) -> dict:
    body = await resp.json(content_type=None)
    if resp.status >= 300 or (body or {}).get("code") not in (100, None):
        raise UpstreamError(resp.status, body)
    return body


async def session_token(http: aiohttp.ClientSession) -> str:
    async with http.post(_u("streaming.create_token"), headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}) as resp:
        return (await _json(resp))["data"]["token"]


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


async def open_session(http, token, avatar_id, quality="medium"):
    async with http.post(
        _u("streaming.new"),
        json={"avatar_id": avatar_id, "quality": quality, "version": "v2"},
        headers=bearer(token),
    ) as resp:
        data = (await _json(resp))["data"]
    async with http.post(_u("streaming.start"), json={"session_id": data["session_id"]}, headers=bearer(token)) as resp:
        await _json(resp)
    return data


async def send_task(http, token, session_id, text, task_type="repeat"):
    async with http.post(
        _u("streaming.task"),
        json={"session_id": session_id, "text": text, "task_type": task_type},
        headers=bearer(token),
    ) as resp:
        return (await _json(resp))["data"]


async def interrupt(http, token, session_id):
    async with http.post(_u("streaming.interrupt"), json={"session_id": session_id}, headers=bearer(token)) as resp:
        await _json(resp)


async def close_session(http, token, session_id):
    async with http.post(_u("streaming.stop"), json={"session_id": session_id}, headers=bearer(token)) as resp:
        await _json(resp)
