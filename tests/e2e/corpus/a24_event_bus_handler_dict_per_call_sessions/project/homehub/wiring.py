"""Wire the hallway avatar to the home's events."""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from . import heygen_api
from .bus import EventBus


def wire_hallway_avatar(bus: EventBus, show: Callable[[str, str], object]) -> dict[str, Any]:
    state: dict[str, Any] = {"session_id": None, "said": []}

    @bus.on("presence.arrived")
    async def wake(event: dict[str, Any]) -> None:
        if state["session_id"] is not None:
            return
        info = await heygen_api.new_session(
            os.environ.get("HALLWAY_AVATAR", "Anna_public_3_20240108"), os.environ.get("HALLWAY_KB")
        )
        await heygen_api.start_session(info["session_id"])
        state["session_id"] = info["session_id"]
        show(info["url"], info["access_token"])
        await heygen_api.send_task(info["session_id"], f"Welcome home, {event.get('who', 'friend')}!")

    @bus.on("voice.question")
    async def answer(event: dict[str, Any]) -> None:
        if state["session_id"]:
            await heygen_api.send_task(state["session_id"], event["text"], task_type="talk")
            state["said"].append(event["text"])

    @bus.on("clock.tick")
    async def heartbeat(event: dict[str, Any]) -> None:
        if state["session_id"]:
            await heygen_api.keep_alive(state["session_id"])

    @bus.on("presence.left")
    async def sleep(event: dict[str, Any]) -> None:
        if state["session_id"]:
            await heygen_api.stop_session(state["session_id"])
            state["session_id"] = None

    return state
