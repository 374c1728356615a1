"""Tool functions the ops agent may call (registered with the LLM by name)."""
from __future__ import annotations

import os

from .commands import CloseSession, Interrupt, OpenSession, Say, StartSession
from .gateway import AvatarGateway

_current: dict[str, str] = {}


async def open_avatar(gw: AvatarGateway) -> dict[str, str]:
    data = await gw.execute(OpenSession(avatar_id=os.environ.get("OPS_AVATAR", "Anna_public_3_20240108")))
    await gw.execute(StartSession(session_id=data["session_id"]))
    _current["session_id"] = data["session_id"]
    return {"url": data["url"], "access_token": data["access_token"]}


async def say(gw: AvatarGateway, text: str) -> str:
    await gw.execute(Say(session_id=_current["session_id"], text=text))
    return "ok"


async def hush(gw: AvatarGateway) -> str:
    await gw.execute(Interrupt(session_id=_current["session_id"]))
    return "ok"


async def close_avatar(gw: AvatarGateway) -> str:
    await gw.execute(CloseSession(session_id=_current.pop("session_id")))
    return "ok"


TOOLS = {"open_avatar": open_avatar, "say": say, "hush": hush, "close_avatar": close_avatar}
