"""Starlette API: one streaming avatar per signed-in user, state in Redis so any worker can serve."""
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.routing import Route

from . import heygen
from .store import redis_client

SESSION_TTL = 15 * 60


def _key(request):
    user = request.headers.get("x-user")
    if not user:
        raise HTTPException(401, "sign in first")
    return f"avatar:session:{user}"


def _session(request):
    state = redis_client.hgetall(_key(request))
    if not state:
        raise HTTPException(404, "no avatar session")
    return state


async def open_session(request):
    key = _key(request)
    if redis_client.exists(key):
        state = redis_client.hgetall(key)
    else:
        data = await heygen.create_session()
        state = {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}
        redis_client.hset(key, mapping=state)
        redis_client.expire(key, SESSION_TTL)
    return JSONResponse({"livekit_url": state["url"], "livekit_token": state["token"]})


async def speak(request):
    state = _session(request)
    body = await request.json()
    task_type = "talk" if body.get("ask") else "repeat"
    result = await heygen.send_task(state["session_id"], body["text"], task_type)
    return JSONResponse({"task_id": result.get("task_id")})


async def heartbeat(request):
    state = _session(request)
    await heygen.keep_alive(state["session_id"])
    redis_client.expire(_key(request), SESSION_TTL)
    return JSONResponse({"ok": True})


async def close_session(request):
    state = _session(request)
    await heygen.stop_session(state["session_id"])
    redis_client.delete(_key(request))
    return JSONResponse({"closed": state["session_id"]})


app = Starlette(
    routes=[
        Route("/avatar", open_session, methods=["POST"]),
        Route("/avatar/speak", speak, methods=["POST"]),
        Route("/avatar/heartbeat", heartbeat, methods=["POST"]),
        Route("/avatar", close_session, methods=["DELETE"]),
    ]
)
