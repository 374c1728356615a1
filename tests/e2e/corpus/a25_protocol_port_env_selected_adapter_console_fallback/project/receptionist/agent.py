from __future__ import annotations

from typing import Awaitable, Callable

from .ports import AvatarPort, RoomGrant


class Receptionist:
    def __init__(self, avatar: AvatarPort, show: Callable[[RoomGrant], Awaitable[None]]) -> None:
        self.avatar = avatar
        self.show = show

    async def visitor_arrives(self, name: str) -> None:
        grant = await self.avatar.open()
        await self.show(grant)
        await self.avatar.say(f"Welcome, {name}! Let me check your appointment.")
        await self.avatar.interrupt()
        await self.avatar.say("You are expected in room 4B, second floor.")
        await self.avatar.close()
