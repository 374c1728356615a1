"""socket.io backend for the kiosk frontend.

events from the browser: start_avatar, say, ask, interrupt, stop_avatar
"""
import os
import logging

import aiohttp
import requests

import socketio_shim as socketio  # import socketio

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("server")

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1")
AVATAR_ID = os.getenv("KIOSK_AVATAR_ID", "Anna_public_3_20240108")
KB_ID = os.getenv("KIOSK_KB_ID")

sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")

# sid -> {"token": ..., "session_id": ..., "url": ..., "access_token": ...}
clients = {}


def get_token():
    # NOTE sync call, fine, it's fast
    resp = requests.post(f"{HEYGEN_BASE_URL}/streaming.create_token", headers={"x-api-key": HEYGEN_API_KEY})
    resp.raise_for_status()
    return resp.json()["data"]["token"]


def new_session(token):
    payload = {"avatar_id": AVATAR_ID, "quality": "low", "version": "v2", "language": "en"}
    if KB_ID:
        payload["knowledge_base_id"] = KB_ID
    resp = requests.post(
        f"{HEYGEN_BASE_URL}/streaming.new",
        json=payload,
        headers={"Authorization": f"Bearer {token}"},
    )
    data = resp.json().get("data")
    if not data:
        raise RuntimeError(f"streaming.new failed: {resp.text}")
    start = requests.post(
        f"{HEYGEN_BASE_URL}/streaming.start",
        json={"session_id": data["session_id"]},
        headers={"Authorization": f"Bearer {token}"},
    )
    logger.info("start: %s", start.status_code)
    return data


async def send_task(token, session_id, text, task_type="repeat"):
    async with aiohttp.ClientSession() as s:
        async with s.post(
            f"{HEYGEN_BASE_URL}/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": task_type},
            headers={"Authorization": f"Bearer {token}"},
        ) as r:
            body = await r.json()
            return body["data"]["task_id"]


async def send_interrupt(token, session_id):
    async with aiohttp.ClientSession() as s:
        async with s.post(
            f"{HEYGEN_BASE_URL}/streaming.interrupt",
            json={"session_id": session_id},
            headers={"Authorization": f"Bearer {token}"},
        ) as r:
            return r.status


@sio.event
async def connect(sid, environ=None):
    logger.info("client connected %s", sid)


@sio.on("start_avatar")
async def start_avatar(sid, data=None):
    try:
        token = get_token()
        info = new_session(token)
        clients[sid] = {"token": token, "session_id": info["session_id"], "url": info["url"], "access_token": info["access_token"]}
        await sio.emit("avatar_ready", {"url": info["url"], "token": info["access_token"]}, to=sid)
    except Exception as e:
        logger.exception("start failed")
        await sio.emit("avatar_error", {"error": str(e)}, to=sid)


@sio.on("say")
async def say(sid, data):
    c = clients.get(sid)
    if not c:
        return
    task_id = await send_task(c["token"], c["session_id"], data["text"])
    await sio.emit("said", {"task_id": task_id}, to=sid)


@sio.on("ask")
async def ask(sid, data):
    c = clients.get(sid)
    if not c:
        return
    # chat = uses the knowledge base
    task_id = await send_task(c["token"], c["session_id"], data["text"], task_type="chat")
    await sio.emit("said", {"task_id": task_id}, to=sid)


@sio.on("interrupt")
async def interrupt(sid, data=None):
    c = clients.get(sid) or {}
    status = await send_interrupt(c.get("token"), c.get("session_id"))
    logger.info("interrupt -> %s", status)


@sio.on("stop_avatar")
async def stop_avatar(sid, data=None):
    c = clients.pop(sid, None)
    if c is None:
        return
    r = requests.post(
        f"{HEYGEN_BASE_URL}/streaming.stop",
        json={"session_id": c["session_id"]},
        headers={"Authorization": f"Bearer {c['token']}"},
    )
    logger.info("stop: %s", r.json().get("message"))
    await sio.emit("avatar_stopped", {}, to=sid)
