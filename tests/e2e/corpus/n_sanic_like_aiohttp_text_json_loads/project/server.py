import asyncio
import json
import os

import aiohttp

import minisanic
from minisanic import Sanic

app = Sanic("avatar_api")

HEYGEN_KEY = os.getenv("HEYGEN_API_KEY")
BASE = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com") + "/v1"
AVATAR_ID = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
KB_ID = os.getenv("KB_ID")

app.ctx.current = None  # the one streaming session this box serves


async def heygen_post(endpoint, payload):
    headers = {"X-Api-Key": HEYGEN_KEY, "content-type": "application/json"}
    attempt = 0
    while True:
        attempt += 1
        async with aiohttp.ClientSession() as s:
            async with s.post(f"{BASE}/{endpoint}", data=json.dumps(payload), headers=headers) as resp:
                text = await resp.text()
                if resp.status == 200:
                    return json.loads(text)
                print(f"[heygen] {endpoint} -> {resp.status}: {text[:120]}")
        if attempt >= 3:
            raise RuntimeError(f"{endpoint} failed")
        await asyncio.sleep(attempt)


@app.post("/session")
async def open_session(request):
    try:
        opts = {"avatar_id": request.json.get("avatar") or AVATAR_ID, "quality": "low", "version": "v2"}
        if KB_ID:
            opts["knowledge_base_id"] = KB_ID
        created = await heygen_post("streaming.new", opts)
        sid = created["data"]["session_id"]
        await heygen_post("streaming.start", {"session_id": sid})
        app.ctx.current = created["data"]
        return minisanic.json({"session_id": sid, "livekit": {"url": created["data"]["url"], "token": created["data"]["access_token"]}})
    except Exception as e:
        return minisanic.json({"error": str(e)}, status=500)


@app.post("/say")
async def say(request):
    cur = app.ctx.current
    if not cur:
        return minisanic.json({"error": "no session"}, status=409)
    out = await heygen_post("streaming.task", {"session_id": cur["session_id"], "text": request.json["text"], "task_type": "repeat"})
    return minisanic.json({"task_id": out["data"]["task_id"]})


@app.post("/ask")
async def ask(request):
    cur = app.ctx.current
    if not cur:
        return minisanic.json({"error": "no session"}, status=409)
    out = await heygen_post("streaming.task", {"session_id": cur["session_id"], "text": request.json["text"], "task_type": "chat"})
    return minisanic.json({"task_id": (out.get("data") or {}).get("task_id")})


@app.post("/listen")
async def listen(request):
    cur = app.ctx.current
    await heygen_post("streaming.start_listening", {"session_id": cur["session_id"]})
    return minisanic.json({"ok": True})


@app.post("/close")
async def close(request):
    cur, app.ctx.current = app.ctx.current, None
    if cur:
        await heygen_post("streaming.stop", {"session_id": cur["session_id"]})
    return minisanic.json({"ok": True})
