"""The bot: plugins started in order, a script of turns, plugins stopped in reverse."""
from __future__ import annotations

from collections.abc import Callable

from .plugins.base import HTTPPlugin
from .plugins.face import FacePlugin


class Bot:
    def __init__(self, plugins: list[HTTPPlugin]) -> None:
        self.plugins = plugins

    async def __aenter__(self) -> "Bot":
        for plugin in self.plugins:
            await plugin.on_start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        for plugin in reversed(self.plugins):
            await plugin.on_stop()


async def greet_visitor(lines: list[str], show: Callable[[str, str], object]) -> None:
    face = FacePlugin()
    async with Bot([face]):
        assert face.room is not None
        show(face.room.livekit_url, face.room.livekit_token)
        await face.listening(True)
        await face.listening(False)
        for line in lines:
            if line == "<stop>":
                await face.stop_talking()
                continue
            await face.say(line)
            await face.heartbeat()
