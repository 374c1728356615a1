import asyncio
import os

import requests

URL_NEW = "https://api.heygen.com/v1/streaming.new"
URL_START = "https://api.heygen.com/v1/streaming.start"
URL_TASK = "https://api.heygen.com/v1/streaming.task"
URL_STOP = "https://api.heygen.com/v1/streaming.stop"

HEADERS = {"x-api-key": os.getenv("HEYGEN_API_KEY", ""), "accept": "application/json"}


async def new_session():
    body = {
        "avatar_id": os.getenv("GRAPH_AVATAR", "Anna_public_3_20240108"),
        "knowledge_base_id": os.getenv("GRAPH_KB"),
        "version": "v2",
        "quality": "medium",
    }
    resp = await asyncio.to_thread(requests.post, URL_NEW, json=body, headers=HEADERS, timeout=30)
    resp.raise_for_status()
    data = resp.json()["data"]
    started = await asyncio.to_thread(
        requests.post, URL_START, json={"session_id": data["session_id"]}, headers=HEADERS, timeout=30
    )
    started.raise_for_status()
    return data


async def task(session_id, text, task_type):
    resp = await asyncio.to_thread(
        requests.post,
        URL_TASK,
        json={"session_id": session_id, "text": text, "task_type": task_type},
        headers=HEADERS,
        timeout=30,
    )
    resp.raise_for_status()


async def stop(session_id):
    resp = await asyncio.to_thread(requests.post, URL_STOP, json={"session_id": session_id}, headers=HEADERS, timeout=30)
    resp.raise_for_status()
