"""Blocking wrapper for callers without an event loop (management commands, cron scripts)."""

import asyncio
import os

import heygen_async


class Presenter:
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.environ["AVATAR_ID"]
        self.session_id = None

    def open(self) -> dict:
        room = asyncio.run(heygen_async.create_session(self.avatar_id))
        self.session_id = room["session_id"]
        return room

    def say(self, text: str) -> None:
        asyncio.run(heygen_async.speak(self.session_id, text))

    def cut(self) -> None:
        asyncio.run(heygen_async.interrupt(self.session_id))

    def ping(self) -> None:
        asyncio.run(heygen_async.keep_alive(self.session_id))

    def close(self) -> None:
        if self.session_id:
            asyncio.run(heygen_async.stop(self.session_id))
            self.session_id = None
