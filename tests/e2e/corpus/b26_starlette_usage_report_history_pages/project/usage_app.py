import contextlib
import os

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

PAGE_SIZE = 50


async def demo_start(request: Request):
    http: httpx.AsyncClient = request.app.state.heygen
    r = await http.post("/v1/streaming.new", json={"avatar_id": os.environ["DEMO_AVATAR"], "version": "v2"})
    r.raise_for_status()
    data = r.json()["data"]
    (await http.post("/v1/streaming.start", json={"session_id": data["session_id"]})).raise_for_status()
    return JSONResponse({"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]})


async def demo_stop(request: Request):
    body = await request.json()
    http: httpx.AsyncClient = request.app.state.heygen
    (await http.post("/v1/streaming.stop", json={"session_id": body["session_id"]})).raise_for_status()
    return JSONResponse({"ok": True})


async def usage(request: Request):
    http: httpx.AsyncClient = request.app.state.heygen
    page, seconds, ids = 1, 0, []
    while True:
        r = await http.get("/v2/streaming.list", params={"page": page, "page_size": PAGE_SIZE})
        r.raise_for_status()
        body = r.json()
        items = body["data"]
        for item in items:
            ids.append(item["session_id"])
            seconds += item.get("duration") or 0
        if len(items) < PAGE_SIZE:
            break
        page += 1
    return JSONResponse({"sessions": len(ids), "seconds": seconds})


@contextlib.asynccontextmanager
async def lifespan(app):
    app.state.heygen = httpx.AsyncClient(
        base_url="https://api.heygen.com",
        headers={"X-API-KEY": os.environ["HEYGEN_API_KEY"]},
        timeout=20,
    )
    yield
    await app.state.heygen.aclose()


app = Starlette(
    routes=[
        Route("/demo/start", demo_start, methods=["POST"]),
        Route("/demo/stop", demo_stop, methods=["POST"]),
        Route("/usage", usage),
    ],
    lifespan=lifespan,
)
