from __future__ import annotations

import asyncio
from dataclasses import dataclass

from .streaming import StreamingClient


@dataclass
class Ticket:
    session_id: str
    room_url: str
    room_token: str


class AvatarService:
    def __init__(self, client: StreamingClient, avatar_id: str, knowledge_base_id: str | None) -> None:
        self.client = client
        self.avatar_id = avatar_id
        self.knowledge_base_id = knowledge_base_id

    async def open(self) -> Ticket:
        data = await asyncio.to_thread(self.client.new_session, self.avatar_id, self.knowledge_base_id)
        await asyncio.to_thread(self.client.start, data["session_id"])
        return Ticket(session_id=data["session_id"], room_url=data["url"], room_token=data["access_token"])

    async def greet(self, ticket: Ticket, name: str) -> None:
        await asyncio.to_thread(self.client.repeat, ticket.session_id, f"Hello {name}, how can I help?")

    async def answer(self, ticket: Ticket, question: str) -> None:
        await asyncio.to_thread(self.client.chat, ticket.session_id, question)

    async def close(self, ticket: Ticket) -> None:
        await asyncio.to_thread(self.client.stop, ticket.session_id)
