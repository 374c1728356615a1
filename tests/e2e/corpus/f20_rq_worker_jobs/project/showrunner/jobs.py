"""RQ jobs that run an avatar show. Jobs are sync; the HeyGen client code is aiohttp,
so each job drives its own event loop with asyncio.run()."""
import asyncio

import aiohttp
from rq import get_current_job

from . import config


async def _call(path, payload):
    async with aiohttp.ClientSession(base_url=config.HEYGEN_HOST, headers={"X-Api-Key": config.HEYGEN_API_KEY}) as http:
        async with http.post(path, json=payload) as resp:
            resp.raise_for_status()
            return await resp.json()


async def _open(avatar_id):
    new = await _call("/v1/streaming.new", {"avatar_id": avatar_id, "quality": "medium", "version": "v2"})
    data = new["data"]
    await _call("/v1/streaming.start", {"session_id": data["session_id"]})
    return data


def open_stage(avatar_id=None):
    """Open the session; the room goes to job.meta for the web app, the id is the result."""
    data = asyncio.run(_open(avatar_id or config.SHOW_AVATAR))
    job = get_current_job()
    if job is not None:
        job.meta["room"] = {"url": data["url"], "token": data["access_token"]}
        job.save_meta()
    return data["session_id"]


def run_show(lines):
    """Depends on open_stage: speaks each line in the session it opened."""
    session_id = get_current_job().dependency.return_value()
    for line in lines:
        asyncio.run(_call("/v1/streaming.task", {"session_id": session_id, "text": line}))
    return len(lines)


def close_stage(session_id):
    asyncio.run(_call("/v1/streaming.stop", {"session_id": session_id}))
    return "closed"
