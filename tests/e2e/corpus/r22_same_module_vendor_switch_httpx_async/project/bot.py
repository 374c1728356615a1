"""Chat-ops bot: ``/avatar start``, ``/avatar say ...``, ``/avatar ask ...``, ``/avatar stop``."""
from __future__ import annotations

import asyncio
import shlex

from avatar_vendors import make_vendor

VIEWER = "https://meet.livekit.io/custom?liveKitUrl={url}&token={token}"


class AvatarBot:
    def __init__(self) -> None:
        self.vendor = None
        self.replies: list[str] = []

    async def handle(self, line: str) -> str:
        cmd, *rest = shlex.split(line)
        text = " ".join(rest)
        if cmd == "start":
            self.vendor = make_vendor()
            room = await self.vendor.open()
            reply = "watch: " + VIEWER.format(**room)
        elif self.vendor is None:
            reply = "no avatar running, /avatar start first"
        elif cmd == "say":
            await self.vendor.say(text)
            reply = "ok"
        elif cmd == "ask":
            await self.vendor.ask(text)
            reply = "asked"
        elif cmd == "hush":
            await self.vendor.hush()
            reply = "hushed"
        elif cmd == "ping":
            await self.vendor.ping()
            reply = "still here"
        elif cmd == "stop":
            await self.vendor.close()
            self.vendor = None
            reply = "bye"
        else:
            reply = f"unknown command {cmd!r}"
        self.replies.append(reply)
        return reply


async def run(lines):
    bot = AvatarBot()
    return [await bot.handle(line) for line in lines]


if __name__ == "__main__":
    print(asyncio.run(run(["start", "say hello", "stop"])))
