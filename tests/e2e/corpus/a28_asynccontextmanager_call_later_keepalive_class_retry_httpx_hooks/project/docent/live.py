import asyncio
import contextlib
import logging
import os
from typing import NamedTuple

import httpx

from .retry import Retry

log = logging.getLogger("docent.live")

HEYGEN_URL = os.environ.get("HEYGEN_URL", "https://api.heygen.com")


class AvatarHandle(NamedTuple):
    client: httpx.AsyncClient
    session_id: str
    livekit_url: str
    viewer_token: str


async def _log_request(request: httpx.Request) -> None:
    log.debug("-> %s %s", request.method, request.url.path)


async def _raise_for_status(response: httpx.Response) -> None:
    await response.aread()
    response.raise_for_status()


@Retry(tries=3, on=(httpx.TransportError,))
async def _call(client: httpx.AsyncClient, path: str, **body) -> dict:
    resp = await client.post(path, json=body)
    return resp.json()


async def say(handle: AvatarHandle, text: str) -> None:
    await _call(handle.client, "/v1/streaming.task", session_id=handle.session_id, text=text, task_type="repeat")


async def keep_alive(handle: AvatarHandle) -> None:
    await _call(handle.client, "/v1/streaming.keep_alive", session_id=handle.session_id)


def _schedule_keepalive(handle, every, loop, pending):
    def fire():
        pending["task"] = loop.create_task(keep_alive(handle))
        pending["timer"] = loop.call_later(every, fire)

    pending["timer"] = loop.call_later(every, fire)


@contextlib.asynccontextmanager
async def avatar_session(avatar_id=None, quality="high", keepalive_every=240.0):
    client = httpx.AsyncClient(
        base_url=HEYGEN_URL,
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        event_hooks={"request": [_log_request], "response": [_raise_for_status]},
        timeout=20.0,
    )
    pending = {}
    handle = None
    try:
        created = await _call(
            client,
            "/v1/streaming.new",
            avatar_id=avatar_id or os.environ["DOCENT_AVATAR"],
            quality=quality,
            version="v2",
        )
        data = created["data"]
        await _call(client, "/v1/streaming.start", session_id=data["session_id"])
        handle = AvatarHandle(client, data["session_id"], data["url"], data["access_token"])
        _schedule_keepalive(handle, keepalive_every, asyncio.get_running_loop(), pending)
        yield handle
    finally:
        if "timer" in pending:
            pending["timer"].cancel()
        if handle is not None:
            await _call(client, "/v1/streaming.stop", session_id=handle.session_id)
        await client.aclose()
