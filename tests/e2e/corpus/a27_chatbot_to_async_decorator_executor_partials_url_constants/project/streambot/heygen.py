"""HeyGen streaming over blocking requests, run off the event loop."""

import asyncio
import functools
import os
from concurrent.futures import ThreadPoolExecutor

import requests

URL_NEW = "https://api.heygen.com/v1/streaming.new"
URL_START = "https://api.heygen.com/v1/streaming.start"
URL_TASK = "https://api.heygen.com/v1/streaming.task"
URL_INTERRUPT = "https://api.heygen.com/v1/streaming.interrupt"
URL_STOP = "https://api.heygen.com/v1/streaming.stop"
H = {"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "content-type": "application/json"}
POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="heygen")


def to_async(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(POOL, functools.partial(fn, *args, **kwargs))

    return wrapper


@to_async
def open_session(avatar_id):
    r = requests.post(URL_NEW, json={"avatar_id": avatar_id, "version": "v2", "quality": "medium"}, headers=H, timeout=30)
    r.raise_for_status()
    data = r.json()["data"]
    requests.post(URL_START, json={"session_id": data["session_id"]}, headers=H, timeout=30).raise_for_status()
    return data


async def say(session_id, text):
    r = await asyncio.wait_for(
        asyncio.to_thread(requests.post, URL_TASK, json={"session_id": session_id, "text": text}, headers=H), 10
    )
    r.raise_for_status()


async def interrupt(session_id):
    r = await asyncio.to_thread(requests.post, URL_INTERRUPT, json={"session_id": session_id}, headers=H)
    r.raise_for_status()


async def stop(session_id):
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(POOL, functools.partial(requests.post, URL_STOP, json={"session_id": session_id}, headers=H))
    r.raise_for_status()
