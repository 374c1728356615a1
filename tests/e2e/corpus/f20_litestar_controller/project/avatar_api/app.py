"""Litestar service for the avatar widget: one controller under /avatar."""
import os
from dataclasses import dataclass

import aiohttp
from litestar import Controller, Litestar, delete, get, post
from litestar.datastructures import State
from litestar.di import Provide

from .heygen import HeyGenAPI


@dataclass
class OpenRequest:
    avatar_id: str = ""
    voice_id: str | None = None


@dataclass
class SpeakRequest:
    text: str


@dataclass
class RoomResponse:
    session_id: str
    server_url: str
    token: str


async def provide_heygen(state: State) -> HeyGenAPI:
    return HeyGenAPI(state.http)


class AvatarController(Controller):
    path = "/avatar"
    dependencies = {"heygen": Provide(provide_heygen)}

    @post("/sessions")
    async def open_session(self, state: State, heygen: HeyGenAPI, data: OpenRequest) -> RoomResponse:
        session = await heygen.new_session(data.avatar_id or os.environ["WIDGET_AVATAR"], data.voice_id)
        state.sessions[session["session_id"]] = session
        return RoomResponse(session["session_id"], session["url"], session["access_token"])

    @get("/sessions/{session_id:str}")
    async def room(self, state: State, session_id: str) -> RoomResponse:
        session = state.sessions[session_id]
        return RoomResponse(session_id, session["url"], session["access_token"])

    @post("/sessions/{session_id:str}/speak")
    async def speak(self, heygen: HeyGenAPI, session_id: str, data: SpeakRequest) -> dict:
        return {"task_id": await heygen.speak(session_id, data.text)}

    @post("/sessions/{session_id:str}/interrupt")
    async def interrupt(self, heygen: HeyGenAPI, session_id: str) -> dict:
        await heygen.interrupt(session_id)
        return {"ok": True}

    @delete("/sessions/{session_id:str}")
    async def close(self, state: State, heygen: HeyGenAPI, session_id: str) -> None:
        await heygen.stop(session_id)
        state.sessions.pop(session_id, None)


async def on_startup(app: Litestar) -> None:
    app.state.http = aiohttp.ClientSession(headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
    app.state.sessions = {}


async def on_shutdown(app: Litestar) -> None:
    await app.state.http.close()


app = Litestar(route_handlers=[AvatarController], on_startup=[on_startup], on_shutdown=[on_shutdown])
