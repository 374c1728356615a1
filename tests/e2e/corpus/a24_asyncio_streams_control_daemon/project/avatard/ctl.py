"""avatarctl: send commands to the daemon's socket."""
from __future__ import annotations

import asyncio
import json
from typing import Any


class Control:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def connect(cls, port: int) -> "Control":
        return cls(*await asyncio.open_connection("127.0.0.1", port))

    async def send(self, op: str, **fields: Any) -> dict[str, Any]:
        self.writer.write(json.dumps({"op": op, **fields}).encode() + b"\n")
        await self.writer.drain()
        return json.loads(await asyncio.wait_for(self.reader.readline(), 30))

    async def close(self) -> None:
        self.writer.close()
        await self.writer.wait_closed()
