import uuid

from aiohttp import web

from .client import HeyGenClient
from .settings import AVATAR_ID

routes = web.RouteTableDef()


@routes.post("/visit")
async def visit(request):
    data = await request.app["heygen"].open(AVATAR_ID)
    visitor = uuid.uuid4().hex
    request.app["sessions"][visitor] = data["session_id"]
    return web.json_response({"visitor": visitor, "url": data["url"], "token": data["access_token"]})


@routes.post("/visit/{visitor}/say")
async def say(request):
    body = await request.json()
    sid = request.app["sessions"][request.match_info["visitor"]]
    await request.app["heygen"].say(sid, body["text"])
    return web.json_response({"ok": True})


@routes.delete("/visit/{visitor}")
async def leave(request):
    sid = request.app["sessions"].pop(request.match_info["visitor"])
    await request.app["heygen"].close_session(sid)
    return web.json_response({"ok": True})


async def _startup(app):
    app["heygen"] = HeyGenClient()
    app["sessions"] = {}


async def _cleanup(app):
    await app["heygen"].close()


def make_app():
    app = web.Application()
    app.add_routes(routes)
    app.on_startup.append(_startup)
    app.on_cleanup.append(_cleanup)
    return app
