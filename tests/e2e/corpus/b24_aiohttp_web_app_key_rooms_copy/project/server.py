"""aiohttp.web backend for the museum's avatar guide.

Rooms are kept per app (app[ROOMS]); each holds a copy of what HeyGen returned so the
handlers can add their own fields without touching the original.
"""
import os

import aiohttp
from aiohttp import web

HEYGEN = os.environ.get("HEYGEN_BASE", "https://api.heygen.com")
AVATAR = os.environ.get("GUIDE_AVATAR", "Anna_public_3_20240108")
ROOMS = web.AppKey("rooms", dict)
HTTP = web.AppKey("http", aiohttp.ClientSession)

routes = web.RouteTableDef()


async def heygen(app, path, payload):
    async with app[HTTP].post(HEYGEN + path, json=payload) as resp:
        if resp.status != 200:
            raise web.HTTPBadGateway(text=await resp.text())
        return (await resp.json())["data"]


@routes.post("/guide")
async def open_guide(request):
    payload = {"avatar_id": AVATAR, "quality": "medium", "version": "v2"}
    data = await heygen(request.app, "/v1/streaming.new", payload)
    await heygen(request.app, "/v1/streaming.start", {"session_id": data["session_id"]})
    room = dict(data)
    room["visitors"] = 0
    request.app[ROOMS][data["session_id"]] = room
    return web.json_response({"id": data["session_id"]}, status=201)


@routes.get("/guide/{sid}/join")
async def join(request):
    room = request.app[ROOMS].get(request.match_info["sid"])
    if room is None:
        raise web.HTTPNotFound()
    room["visitors"] += 1
    return web.json_response({"url": room["url"], "token": room["access_token"],
                              "visitors": room["visitors"]})


@routes.post("/guide/{sid}/say")
async def say(request):
    sid = request.match_info["sid"]
    if sid not in request.app[ROOMS]:
        raise web.HTTPNotFound()
    body = await request.json()
    await heygen(request.app, "/v1/streaming.task",
                 {"session_id": sid, "text": body["text"], "task_type": "repeat"})
    return web.json_response({"ok": True})


@routes.delete("/guide/{sid}")
async def close(request):
    room = request.app[ROOMS].pop(request.match_info["sid"], None)
    if room is None:
        raise web.HTTPNotFound()
    await heygen(request.app, "/v1/streaming.stop", {"session_id": room["session_id"]})
    return web.json_response({"closed": room["session_id"], "visitors": room["visitors"]})


async def _client(app):
    app[HTTP] = aiohttp.ClientSession(headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
    yield
    await app[HTTP].close()


def make_app():
    app = web.Application()
    app[ROOMS] = {}
    app.cleanup_ctx.append(_client)
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), port=8080)
