"""Kiosk relay: every signed-in user gets one streaming avatar; the page talks to it over a socket."""

import logging
import os

import aiohttp
from aiohttp import web

HEYGEN_API = "https://api.heygen.com/v1"

log = logging.getLogger("relay")
routes = web.RouteTableDef()


async def _check(resp: aiohttp.ClientResponse) -> dict:
    body = await resp.json()
    if resp.status != 200 or body.get("code") != 100:
        log.error("heygen said %s: %s", resp.status, body)
        raise web.HTTPBadGateway(text=body.get("message") or "heygen error")
    return body["data"]


@routes.post("/users/{user}/avatar")
async def open_avatar(request: web.Request) -> web.Response:
    user = request.match_info["user"]
    sessions = request.app["sessions"]
    if user in sessions:
        return web.json_response(sessions[user]["room"])

    http: aiohttp.ClientSession = request.app["http"]
    payload = {
        "avatar_id": os.environ["AVATAR_ID"],
        "quality": "medium",
        "version": "v2",
    }
    async with http.post(f"{HEYGEN_API}/streaming.new", json=payload) as resp:
        info = await _check(resp)
    async with http.post(
        f"{HEYGEN_API}/streaming.start", json={"session_id": info["session_id"]}
    ) as resp:
        await _check(resp)

    sessions[user] = {
        "session_id": info["session_id"],
        "room": {"url": info["url"], "token": info["access_token"]},
    }
    log.info("opened %s for %s", info["session_id"], user)
    return web.json_response(sessions[user]["room"])


@routes.get("/users/{user}/ws")
async def relay(request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    session = request.app["sessions"].get(request.match_info["user"])
    if session is None:
        await ws.close(code=4404, message=b"no avatar")
        return ws

    http: aiohttp.ClientSession = request.app["http"]
    async for msg in ws:
        if msg.type != aiohttp.WSMsgType.TEXT:
            continue
        text = msg.data.strip()
        if not text:
            continue
        if text == "/hush":
            async with http.post(
                f"{HEYGEN_API}/streaming.interrupt",
                json={"session_id": session["session_id"]},
            ) as resp:
                await _check(resp)
            await ws.send_json({"event": "hushed"})
            continue
        async with http.post(
            f"{HEYGEN_API}/streaming.task",
            json={"session_id": session["session_id"], "text": text, "task_type": "repeat"},
        ) as resp:
            data = await _check(resp)
        await ws.send_json({"event": "speaking", "task_id": data["task_id"]})
    return ws


@routes.delete("/users/{user}/avatar")
async def close_avatar(request: web.Request) -> web.Response:
    session = request.app["sessions"].pop(request.match_info["user"], None)
    if session is None:
        raise web.HTTPNotFound()
    http: aiohttp.ClientSession = request.app["http"]
    async with http.post(
        f"{HEYGEN_API}/streaming.stop", json={"session_id": session["session_id"]}
    ) as resp:
        await _check(resp)
    return web.json_response({"closed": session["session_id"]})


async def _startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession(
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        timeout=aiohttp.ClientTimeout(total=30),
    )
    app["sessions"] = {}


async def _cleanup(app: web.Application) -> None:
    http: aiohttp.ClientSession = app["http"]
    for user, session in list(app["sessions"].items()):
        log.info("closing leftover session of %s", user)
        async with http.post(
            f"{HEYGEN_API}/streaming.stop", json={"session_id": session["session_id"]}
        ) as resp:
            await resp.read()
    await http.close()


def make_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    app.on_startup.append(_startup)
    app.on_cleanup.append(_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), port=int(os.getenv("PORT", "8080")))
