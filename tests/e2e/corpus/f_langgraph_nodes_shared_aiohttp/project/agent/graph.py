from typing import Any, Callable, Optional, TypedDict

from .service import AvatarService


class GuideState(TypedDict, total=False):
    question: str
    session_id: str
    room: dict
    closed: bool


async def open_avatar(svc: AvatarService, state: GuideState, on_room: Optional[Callable] = None) -> GuideState:
    info = await svc.open()
    state["session_id"] = info["session_id"]
    state["room"] = {"url": info["url"], "access_token": info["access_token"]}
    if on_room:
        on_room(info["url"], info["access_token"])
    return state


async def greet(svc: AvatarService, state: GuideState, **_: Any) -> GuideState:
    await svc.say(state["session_id"], "Hello, I am the station guide.")
    return state


async def answer(svc: AvatarService, state: GuideState, **_: Any) -> GuideState:
    await svc.say(state["session_id"], state["question"], task_type="chat")
    return state


async def listen(svc: AvatarService, state: GuideState, **_: Any) -> GuideState:
    await svc.listen(state["session_id"])
    return state


async def close(svc: AvatarService, state: GuideState, **_: Any) -> GuideState:
    await svc.close(state["session_id"])
    state["closed"] = True
    return state


NODES = [open_avatar, greet, answer, listen, close]


async def run_graph(svc: AvatarService, state: GuideState, on_room: Optional[Callable] = None) -> GuideState:
    for node in NODES:
        if node is open_avatar:
            state = await node(svc, state, on_room=on_room)
        else:
            state = await node(svc, state)
    return state
