"""Plays a rundown: a list of cues, each a line to say or a control word."""

from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable, Iterable

from .backends import AvatarBackend, Room, make_backend

log = logging.getLogger(__name__)

Cue = tuple[str, str]  # ("say", text) | ("cut", "") | ("hold", "")


async def play(rundown: Iterable[Cue], *, backend: AvatarBackend | None = None,
               on_room: Callable[[Room], Awaitable[None] | None] | None = None) -> int:
    backend = backend or make_backend()
    room = await backend.open()
    spoken = 0
    try:
        if on_room is not None:
            maybe = on_room(room)
            if asyncio.iscoroutine(maybe):
                await maybe
        for kind, text in rundown:
            if kind == "say":
                await backend.say(text)
                spoken += 1
            elif kind == "cut":
                await backend.interrupt()
            elif kind == "hold":
                await backend.ping()
            else:
                log.warning("unknown cue %r", kind)
    finally:
        await backend.close()
    return spoken
