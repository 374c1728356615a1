import os

from aiohttp import web

from .utils import heygen_post

routes = web.RouteTableDef()


@routes.post("/live")
async def start(request):
    data = await heygen_post("/v1/streaming.new", {"avatar_id": os.environ["STUDIO_AVATAR"], "version": "v2"})
    await heygen_post("/v1/streaming.start", {"session_id": data["session_id"]})
    request.app["live"][data["session_id"]] = {"url": data["url"], "token": data["access_token"]}
    return web.json_response({"session_id": data["session_id"]})


@routes.get("/live/{sid}/room")
async def room(request):
    live = request.app["live"].get(request.match_info["sid"])
    if live is None:
        raise web.HTTPNotFound()
    return web.json_response(live)


@routes.post("/live/{sid}/say")
async def say(request):
    payload = await request.json()
    await heygen_post(
        "/v1/streaming.task",
        {"session_id": request.match_info["sid"], "text": payload["text"], "task_type": "repeat"},
    )
    return web.json_response({"ok": True})


@routes.delete("/live/{sid}")
async def stop(request):
    sid = request.match_info["sid"]
    await heygen_post("/v1/streaming.stop", {"session_id": sid})
    request.app["live"].pop(sid, None)
    return web.json_response({"ok": True})
