import logging
import os

import aiohttp
from aiohttp import web

from . import heygen

log = logging.getLogger("avatar_gateway")
routes = web.RouteTableDef()


async def heygen_client(app: web.Application):
    app["heygen"] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20))
    app["tokens"] = {}
    yield
    for session_id, token in list(app["tokens"].items()):
        try:
            await heygen.close_session(app["heygen"], token, session_id)
        except heygen.UpstreamError:
            log.warning("could not close %s on shutdown", session_id)
    await app["heygen"].close()


@routes.post("/avatar/sessions")
async def create(request: web.Request) -> web.Response:
    body = await request.json() if request.can_read_body else {}
    http = request.app["heygen"]
    token = await heygen.session_token(http)
    data = await heygen.open_session(http, token, body.get("avatar_id") or os.environ["GATEWAY_AVATAR"])
    request.app["tokens"][data["session_id"]] = token
    return web.json_response(
        {"session_id": data["session_id"], "livekit": {"url": data["url"], "token": data["access_token"]}},
        status=201,
    )


@routes.post("/avatar/sessions/{sid}/say")
async def say(request: web.Request) -> web.Response:
    sid = request.match_info["sid"]
    token = request.app["tokens"].get(sid)
    if token is None:
        raise web.HTTPNotFound(text="no such session")
    body = await request.json()
    await heygen.send_task(request.app["heygen"], token, sid, body["text"], body.get("mode", "repeat"))
    return web.json_response({"queued": True})


@routes.post("/avatar/sessions/{sid}/interrupt")
async def cut(request: web.Request) -> web.Response:
    sid = request.match_info["sid"]
    await heygen.interrupt(request.app["heygen"], request.app["tokens"][sid], sid)
    return web.json_response({"ok": True})


@routes.delete("/avatar/sessions/{sid}")
async def close(request: web.Request) -> web.Response:
    sid = request.match_info["sid"]
    token = request.app["tokens"].pop(sid, None)
    if token is None:
        raise web.HTTPNotFound(text="no such session")
    await heygen.close_session(request.app["heygen"], token, sid)
    return web.Response(status=204)


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(heygen_client)
    app.add_routes(routes)
    return app
