"""Embed service for the website's avatar widget.

The widget (a third-party LiveKit player) wants {server, token, room}; HeyGen names them
differently, so PLAYER_FIELDS maps one onto the other. If we ever switch players only the
map changes.
"""
import contextlib
import os

import httpx
from starlette.applications import Starlette
from starlette.endpoints import HTTPEndpoint
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

HEYGEN_API = os.getenv("HEYGEN_API", "https://api.heygen.com/v1")
AVATAR_ID = os.getenv("EMBED_AVATAR_ID", "Anna_public_3_20240108")

# widget field -> HeyGen streaming.new field
PLAYER_FIELDS = {
    "server": "url",
    "token": "access_token",
    "room": "session_id",
}


class Sessions(HTTPEndpoint):
    async def post(self, request):
        http: httpx.AsyncClient = request.app.state.http
        r = await http.post(f"{HEYGEN_API}/streaming.new",
                            json={"avatar_id": AVATAR_ID, "quality": "medium", "version": "v2"})
        r.raise_for_status()
        data = r.json()["data"]
        r = await http.post(f"{HEYGEN_API}/streaming.start",
                            json={"session_id": data["session_id"]})
        r.raise_for_status()
        player = {field: data[source] for field, source in PLAYER_FIELDS.items()}
        return JSONResponse(player, status_code=201)


class Session(HTTPEndpoint):
    async def post(self, request):
        """Say something: {"text": "..."}."""
        body = await request.json()
        r = await request.app.state.http.post(f"{HEYGEN_API}/streaming.task", json={
            "session_id": request.path_params["room"],
            "text": body["text"],
            "task_type": "repeat",
        })
        r.raise_for_status()
        return Response(status_code=204)

    async def delete(self, request):
        r = await request.app.state.http.post(f"{HEYGEN_API}/streaming.stop",
                                              json={"session_id": request.path_params["room"]})
        r.raise_for_status()
        return Response(status_code=204)


@contextlib.asynccontextmanager
async def lifespan(app):
    async with httpx.AsyncClient(headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
                                 timeout=30) as http:
        app.state.http = http
        yield


app = Starlette(
    routes=[Route("/sessions", Sessions), Route("/sessions/{room}", Session)],
    lifespan=lifespan,
)
