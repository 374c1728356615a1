from typing import Any, Callable, Optional, TypedDict

from .service import AvatarService


class GuideState(TypedDict, total=False):
    question: str
    room: dict
    closed: bool


async def open_avatar(svc: AvatarService, state: GuideState, **_: Any) -> GuideState:
    state["room"] = await svc.open()
    return state


async def show(svc: AvatarService, state: GuideState, on_room: Optional[Callable] = None, **_: Any) -> GuideState:
    room = state["room"]
    if on_room:
        on_room(room["url"], room["access_token"])
    return state


async def greet(svc: AvatarService, state: GuideState, **_: Any) -> GuideState:
    await svc.say(state["room"]["session_id"], "Hello, I am the station guide.")
    return state


async def answer(svc: AvatarService, state: GuideState, **_: Any) -> GuideState:
    await svc.say(state["room"]["session_id"], state["question"], task_type="chat")
    return state


async def listen(svc: AvatarService, state: GuideState, **_: Any) -> GuideState:
    await svc.listen(state["room"]["session_id"])
    return state


async def close(svc: AvatarService, state: GuideState, **_: Any) -> GuideState:
    await svc.close(state["room"]["session_id"])
    state["closed"] = True
    return state


NODES = [open_avatar, show, greet, answer, listen, close]


async def run_graph(svc: AvatarService, state: GuideState, on_room: Optional[Callable] = None) -> GuideState:
    for node in NODES:
        state = await node(svc, state, on_room=on_room)
    return state
