"""The control daemon: `asyncio.start_server` on 127.0.0.1, JSON lines in and out."""
from __future__ import annotations

import asyncio
import json
import logging
import os
from typing import Any

from .heygen import HeyGen

log = logging.getLogger("avatard")


class AvatarDaemon:
    def __init__(self) -> None:
        self.api = HeyGen()
        self.session_id: str | None = None
        self.server: asyncio.Server | None = None
        self.stopped = asyncio.Event()

    async def handle_command(self, cmd: dict[str, Any]) -> dict[str, Any]:
        op = cmd.get("op")
        if op == "open":
            created = await self.api.post("streaming.new", {"avatar_id": cmd.get("avatar") or os.environ.get("AVATARD_AVATAR", "Anna_public_3_20240108"), "version": "v2"})
            info = created["data"]
            self.session_id = info["session_id"]
            await self.api.post("streaming.start", {"session_id": self.session_id})
            return {"ok": True, "room": info["url"], "token": info["access_token"]}
        if op == "say":
            out = await self.api.post("streaming.task", {"session_id": self.session_id, "text": cmd["text"], "task_type": "repeat"})
            return {"ok": True, "task": out["data"]["task_id"]}
        if op == "hush":
            await self.api.post("streaming.interrupt", {"session_id": self.session_id})
            return {"ok": True}
        if op == "ping":
            await self.api.post("streaming.keep_alive", {"session_id": self.session_id})
            return {"ok": True}
        if op == "close":
            await self.api.post("streaming.stop", {"session_id": self.session_id})
            self.session_id = None
            return {"ok": True}
        if op == "shutdown":
            self.stopped.set()
            return {"ok": True}
        return {"ok": False, "error": f"unknown op {op!r}"}

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while line := await reader.readline():
                try:
                    reply = await self.handle_command(json.loads(line))
                except Exception as exc:  # reported to the client, the daemon keeps running
                    log.exception("command failed")
                    reply = {"ok": False, "error": str(exc)}
                writer.write(json.dumps(reply).encode() + b"\n")
                await writer.drain()
        finally:
            writer.close()
            await writer.wait_closed()

    async def serve(self, port: int = 0) -> int:
        self.server = await asyncio.start_server(self._client, "127.0.0.1", port)
        return self.server.sockets[0].getsockname()[1]

    async def wait_stopped(self) -> None:
        await self.stopped.wait()
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()
        await self.api.aclose()
