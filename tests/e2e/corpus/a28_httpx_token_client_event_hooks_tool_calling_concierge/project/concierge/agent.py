"""A minimal tool-calling loop: the 'LLM' is whatever callable returns tool calls."""

import json

from .avatar import ConciergeAvatar
from .tools import run_tool_call, schemas


class Concierge:
    def __init__(self, llm, avatar: ConciergeAvatar | None = None):
        self.llm = llm
        self.avatar = avatar or ConciergeAvatar()
        self.transcript = []

    async def open(self):
        return await self.avatar.connect()

    async def handle(self, guest_message):
        self.transcript.append({"role": "user", "content": guest_message})
        calls = self.llm(self.transcript, tools=schemas())
        for call in calls:
            result = await run_tool_call(self.avatar, call)
            self.transcript.append({"role": "tool", "name": call["name"], "content": json.dumps(result)})
        return len(calls)

    async def close(self):
        await self.avatar.disconnect()
