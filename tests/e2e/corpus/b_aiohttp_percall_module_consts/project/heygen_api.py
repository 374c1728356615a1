"""Tiny async helpers for the HeyGen Interactive Avatar (streaming) API."""
import logging
import os

import aiohttp

log = logging.getLogger("heygen")

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
BASE_URL = "https://api.heygen.com/v1"

API_STREAM_NEW = f"{BASE_URL}/streaming.new"
API_STREAM_START = f"{BASE_URL}/streaming.start"
API_STREAM_TASK = f"{BASE_URL}/streaming.task"
API_STREAM_KEEP_ALIVE = f"{BASE_URL}/streaming.keep_alive"
API_STREAM_STOP = f"{BASE_URL}/streaming.stop"

HEADERS = {
    "X-Api-Key": HEYGEN_API_KEY,
    "Content-Type": "application/json",
}


class HeyGenError(Exception):
    pass


async def new_session(avatar_id, quality="medium"):
    payload = {
        "quality": quality,
        "avatar_id": avatar_id,
        "version": "v2",
        "video_encoding": "H264",
        "disable_idle_timeout": False,
    }
    async with aiohttp.ClientSession() as session:
        async with session.post(API_STREAM_NEW, json=payload, headers=HEADERS) as resp:
            if resp.status != 200:
                raise HeyGenError(f"streaming.new failed: {resp.status} {await resp.text()}")
            body = await resp.json()
    return body["data"]


async def start_session(session_id):
    async with aiohttp.ClientSession() as session:
        async with session.post(
            API_STREAM_START, json={"session_id": session_id}, headers=HEADERS
        ) as resp:
            if resp.status != 200:
                raise HeyGenError(f"streaming.start failed: {resp.status}")
            return await resp.json()


async def send_text(session_id, text):
    # repeat = say it word for word, no LLM
    payload = {
        "session_id": session_id,
        "text": text,
        "task_type": "repeat",
        "task_mode": "sync",
    }
    async with aiohttp.ClientSession() as session:
        async with session.post(API_STREAM_TASK, json=payload, headers=HEADERS) as resp:
            data = await resp.json()
            log.debug("task response %s", data)
            return data.get("data")


async def keep_alive(session_id):
    async with aiohttp.ClientSession() as session:
        async with session.post(
            API_STREAM_KEEP_ALIVE, json={"session_id": session_id}, headers=HEADERS
        ) as resp:
            return resp.status == 200


async def stop_session(session_id):
    async with aiohttp.ClientSession() as session:
        async with session.post(
            API_STREAM_STOP, json={"session_id": session_id}, headers=HEADERS
        ) as resp:
            text = await resp.text()
            log.info("stop -> %s %s", resp.status, text)
