"""Worker jobs that drive the avatar on the event stages.

The web backend enqueues these; the worker owns the HeyGen session for every stage it runs.
"""
from __future__ import annotations

import logging
from typing import Any

import aiohttp

from .settings import API_KEY, API_ROOT, DEFAULT_AVATAR, REQUEST_TIMEOUT

log = logging.getLogger(__name__)


async def startup(ctx: dict[str, Any]) -> None:
    ctx["http"] = aiohttp.ClientSession(
        headers={"x-api-key": API_KEY, "accept": "application/json"},
        timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT),
        raise_for_status=True,
    )
    ctx["stages"] = {}


async def shutdown(ctx: dict[str, Any]) -> None:
    await ctx["http"].close()


async def open_stage(ctx: dict[str, Any], stage: str, avatar_id: str | None = None) -> dict[str, str]:
    http: aiohttp.ClientSession = ctx["http"]
    body = {
        "avatar_id": avatar_id or DEFAULT_AVATAR,
        "quality": "medium",
        "version": "v2",
        "video_encoding": "H264",
    }
    async with http.post(f"{API_ROOT}/streaming.new", json=body) as resp:
        payload = await resp.json()
    info = payload["data"]
    async with http.post(f"{API_ROOT}/streaming.start", json={"session_id": info["session_id"]}) as resp:
        await resp.read()
    ctx["stages"][stage] = {
        "session_id": info["session_id"],
        "url": info["url"],
        "access_token": info["access_token"],
    }
    log.info("stage %s is live (%s)", stage, ctx["job_id"])
    return {"server": info["url"], "token": info["access_token"]}


async def announce(ctx: dict[str, Any], stage: str, text: str) -> int:
    live = ctx["stages"][stage]
    task = {"session_id": live["session_id"], "text": text, "task_type": "repeat", "task_mode": "sync"}
    async with ctx["http"].post(f"{API_ROOT}/streaming.task", json=task) as resp:
        out = await resp.json()
    return len(text) if out.get("code") == 100 else 0


async def cut(ctx: dict[str, Any], stage: str) -> None:
    live = ctx["stages"][stage]
    async with ctx["http"].post(f"{API_ROOT}/streaming.interrupt", json={"session_id": live["session_id"]}):
        pass


async def close_stage(ctx: dict[str, Any], stage: str) -> bool:
    live = ctx["stages"].pop(stage)
    async with ctx["http"].post(f"{API_ROOT}/streaming.stop", json={"session_id": live["session_id"]}) as resp:
        return resp.status == 200
