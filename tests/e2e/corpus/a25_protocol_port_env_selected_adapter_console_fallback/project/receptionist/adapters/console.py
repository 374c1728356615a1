from __future__ import annotations

from ..ports import RoomGrant


class ConsoleAvatar:
    """Prints instead of speaking: for demos without network access."""

    async def open(self) -> RoomGrant:
        print("[avatar] open")
        return RoomGrant("console://", "")

    async def say(self, text: str) -> None:
        print(f"[avatar] {text}")

    async def interrupt(self) -> None:
        print("[avatar] (interrupted)")

    async def close(self) -> None:
        print("[avatar] close")
