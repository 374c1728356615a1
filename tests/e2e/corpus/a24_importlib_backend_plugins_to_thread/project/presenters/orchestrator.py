"""Async orchestrator: picks a backend by name, runs its blocking calls on threads."""
from __future__ import annotations

import asyncio
import importlib
import os
from collections.abc import Callable, Sequence

from .backends.base import AvatarBackend

BACKENDS = {
    "heygen": "presenters.backends.heygen_backend:HeyGenBackend",
}


def load_backend(name: str) -> AvatarBackend:
    module_name, _, class_name = BACKENDS[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls()


async def present(slides: Sequence[str], show: Callable[[str, str], object]) -> int:
    backend = load_backend(os.environ.get("PRESENTER_BACKEND", "heygen"))
    room = await asyncio.to_thread(backend.open, os.environ.get("PRESENTER_AVATAR", "Anna_public_3_20240108"))
    show(room["url"], room["token"])
    done = 0
    try:
        for slide in slides:
            if slide == "--":
                await asyncio.to_thread(backend.interrupt)
                continue
            await asyncio.to_thread(backend.speak, slide)
            done += 1
    finally:
        await asyncio.to_thread(backend.close)
    return done
