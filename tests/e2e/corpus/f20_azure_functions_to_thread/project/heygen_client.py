"""Thin HeyGen Streaming API client.

The requests calls block, so the async functions run them with asyncio.to_thread
to keep the Functions worker's event loop free.
"""
import asyncio
import logging
import os

import requests

HEYGEN_API_URL = os.environ.get("HEYGEN_API_URL", "https://api.heygen.com")

_headers = {
    "X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""),
    "Content-Type": "application/json",
}


class HeyGenError(Exception):
    pass


def _check(resp):
    if resp.status_code >= 400:
        logging.error("HeyGen %s -> %s %s", resp.url, resp.status_code, resp.text)
        raise HeyGenError(f"HeyGen returned {resp.status_code}")
    return resp.json()


async def create_session(avatar_id, knowledge_base_id=None):
    payload = {"avatar_id": avatar_id, "quality": "medium", "version": "v2", "video_encoding": "H264"}
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    resp = await asyncio.to_thread(
        requests.post, f"{HEYGEN_API_URL}/v1/streaming.new", json=payload, headers=_headers, timeout=30
    )
    data = _check(resp)["data"]
    resp = await asyncio.to_thread(
        requests.post,
        f"{HEYGEN_API_URL}/v1/streaming.start",
        json={"session_id": data["session_id"]},
        headers=_headers,
        timeout=30,
    )
    _check(resp)
    return data


async def send_task(session_id, text, task_type="repeat"):
    resp = await asyncio.to_thread(
        requests.post,
        f"{HEYGEN_API_URL}/v1/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": task_type},
        headers=_headers,
        timeout=30,
    )
    return _check(resp)["data"]["task_id"]


async def keep_alive(session_id):
    resp = await asyncio.to_thread(
        requests.post, f"{HEYGEN_API_URL}/v1/streaming.keep_alive", json={"session_id": session_id}, headers=_headers
    )
    _check(resp)


async def stop_session(session_id):
    resp = await asyncio.to_thread(
        requests.post, f"{HEYGEN_API_URL}/v1/streaming.stop", json={"session_id": session_id}, headers=_headers
    )
    _check(resp)
