"""Stage page driven by htmx: every button posts JSON (hx-ext="json-enc") and gets an HTML
fragment back that htmx swaps into the page. The visitor's room id lives in a cookie."""
from contextlib import asynccontextmanager
from html import escape

from fastapi import Cookie, FastAPI, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from . import config
from .heygen import HeyGenAPIError, HeyGenLive


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.heygen = HeyGenLive(config.HEYGEN_API_KEY, config.HEYGEN_BASE_URL)
    app.state.rooms = {}
    try:
        yield
    finally:
        await app.state.heygen.aclose()


app = FastAPI(lifespan=lifespan)


class Line(BaseModel):
    text: str


PAGE = """<!doctype html>
<html><head><script src="https://unpkg.com/htmx.org@1.9.12"></script>
<script src="https://unpkg.com/htmx.org@1.9.12/dist/ext/json-enc.js"></script></head>
<body hx-ext="json-enc">
<div id="stage" hx-get="/stage" hx-trigger="load">{stage}</div>
<form hx-post="/say" hx-target="#log" hx-swap="beforeend"><input name="text"><button>Say</button></form>
<button hx-post="/interrupt" hx-target="#log" hx-swap="beforeend">Stop talking</button>
<button hx-post="/start" hx-target="#stage">Start</button>
<button hx-post="/end" hx-target="#stage">End</button>
<ul id="log"></ul>
</body></html>"""


def stage_fragment(room) -> str:
    if not room:
        return '<p class="idle">The avatar is resting.</p>'
    return (
        f'<video id="avatar" autoplay playsinline'
        f' data-livekit-url="{escape(room["url"])}"'
        f' data-livekit-token="{escape(room["access_token"])}"'
        f' data-session="{escape(room["session_id"])}"></video>'
        '<script>connectAvatar(document.getElementById("avatar").dataset)</script>'
    )


def _room(request: Request, sid):
    return request.app.state.rooms.get(sid) if sid else None


@app.get("/", response_class=HTMLResponse)
async def index(request: Request, stage_sid: str | None = Cookie(default=None)):
    return PAGE.format(stage=stage_fragment(_room(request, stage_sid)))


@app.get("/stage", response_class=HTMLResponse)
async def stage(request: Request, stage_sid: str | None = Cookie(default=None)):
    return stage_fragment(_room(request, stage_sid))


@app.post("/start", response_class=HTMLResponse)
async def start(request: Request):
    try:
        room = await request.app.state.heygen.open_room(config.AVATAR_ID)
    except HeyGenAPIError as err:
        return HTMLResponse(f'<p class="error">{escape(str(err))}</p>', status_code=502)
    request.app.state.rooms[room["session_id"]] = room
    response = HTMLResponse(stage_fragment(room))
    response.set_cookie(config.COOKIE, room["session_id"], httponly=True)
    return response


@app.post("/say", response_class=HTMLResponse)
async def say(line: Line, request: Request, stage_sid: str | None = Cookie(default=None)):
    room = _room(request, stage_sid)
    if room is None:
        return HTMLResponse("<li>start the avatar first</li>", status_code=409)
    await request.app.state.heygen.say(room["session_id"], line.text)
    return f"<li>said: {escape(line.text)}</li>"


@app.post("/interrupt", response_class=HTMLResponse)
async def interrupt(request: Request, stage_sid: str | None = Cookie(default=None)):
    room = _room(request, stage_sid)
    if room is not None:
        await request.app.state.heygen.interrupt(room["session_id"])
    return "<li>(interrupted)</li>"


@app.post("/end", response_class=HTMLResponse)
async def end(request: Request, stage_sid: str | None = Cookie(default=None)):
    room = request.app.state.rooms.pop(stage_sid, None) if stage_sid else None
    if room is not None:
        await request.app.state.heygen.close_room(room["session_id"])
    response = HTMLResponse(stage_fragment(None))
    response.delete_cookie(config.COOKIE)
    return response
