# avatar_bridge.py - our own LLM + TTS, HeyGen avatar only does lipsync ("custom mode")
# ported from the TS version in /web (that's why the names look like that)
import asyncio
import base64
import json
import os
import time
import uuid

import requests
import websockets

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY", "")
API_BASE = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com/v1")
AVATAR_ID = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
CHUNK = 24000 * 2  # 1s of pcm16 @ 24k

# globals (yes I know)
sessionToken = None
sessionInfo = None
ws = None
lastKeepAlive = 0.0
DEBUG = os.getenv("DEBUG", "1") == "1"


def log(*a):
    if DEBUG:
        print("[bridge]", *a, flush=True)


def fetchAccessToken():
    global sessionToken
    r = requests.post(f"{API_BASE}/streaming.create_token", headers={"x-api-key": HEYGEN_API_KEY})
    sessionToken = r.json()["data"]["token"]
    log("token ok", sessionToken[:8])
    return sessionToken


def authHeaders():
    return {"Authorization": f"Bearer {sessionToken}", "Content-Type": "application/json"}


def createSession():
    global sessionInfo
    if sessionToken is None:
        fetchAccessToken()
    body = {
        "avatar_id": AVATAR_ID,
        "quality": "medium",
        "version": "v2",
        "video_encoding": "H264",
        # "voice": {"voice_id": "...", "rate": 1},  -- we send our own audio
    }
    try:
        r = requests.post(f"{API_BASE}/streaming.new", json=body, headers=authHeaders())
        res = r.json()
    except Exception as e:
        log("new failed", e)
        raise
    sessionInfo = res["data"]
    log("session", sessionInfo["session_id"], "realtime:", sessionInfo.get("realtime_endpoint"))
    r = requests.post(f"{API_BASE}/streaming.start", json={"session_id": sessionInfo["session_id"]}, headers=authHeaders())
    log("start", r.status_code)
    return sessionInfo


async def connectRealtime():
    global ws
    ws = await websockets.connect(sessionInfo.get("realtime_endpoint"))
    # wait until the avatar side says it's connected, otherwise messages get dropped
    while True:
        msg = json.loads(await ws.recv())
        log("<-", msg.get("type"))
        if msg.get("type") == "session.state_updated" and msg.get("state") == "connected":
            break


async def sendEvent(evt: dict):
    evt.setdefault("event_id", str(uuid.uuid4()))
    await ws.send(json.dumps(evt))
    return evt["event_id"]


async def speakAudio(pcm: bytes):
    """push one utterance of pcm16 audio"""
    eventId = str(uuid.uuid4())
    for i in range(0, len(pcm), CHUNK):
        await sendEvent({"type": "agent.speak", "event_id": eventId, "audio": base64.b64encode(pcm[i : i + CHUNK]).decode()})
    await sendEvent({"type": "agent.speak_end", "event_id": eventId})
    log("spoke", len(pcm), "bytes")


async def keepAlive():
    global lastKeepAlive
    if time.time() - lastKeepAlive > 0.0:
        await sendEvent({"type": "session.keep_alive"})
        lastKeepAlive = time.time()


async def startListening():
    await sendEvent({"type": "agent.start_listening"})


async def stopListening():
    await sendEvent({"type": "agent.stop_listening"})


async def interruptAvatar():
    await ws.send(json.dumps({"type": "agent.interrupt"}))


def stopSession():
    global sessionInfo
    if not sessionInfo:
        return
    try:
        r = requests.post(
            f"{API_BASE}/streaming.stop",
            json={"session_id": sessionInfo["session_id"]},
            headers=authHeaders(),
        )
        log("stop", r.status_code, r.text)
    except Exception as e:
        log("stop failed", e)
    sessionInfo = None


async def shutdown():
    if ws is not None:
        await ws.close()
    stopSession()
