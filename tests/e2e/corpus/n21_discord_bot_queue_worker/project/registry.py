import time
from dataclasses import dataclass, field
from typing import Dict, Optional


@dataclass
class AvatarRoom:
    session_id: str
    url: str
    access_token: str
    owner: str
    opened_at: float = field(default_factory=time.time)
    utterances: int = 0


@dataclass
class RoomRegistry:
    rooms: Dict[int, AvatarRoom] = field(default_factory=dict)

    def put(self, guild_id: int, room: AvatarRoom) -> None:
        self.rooms[guild_id] = room

    def get(self, guild_id: int) -> Optional[AvatarRoom]:
        return self.rooms.get(guild_id)

    def pop(self, guild_id: int) -> Optional[AvatarRoom]:
        return self.rooms.pop(guild_id, None)


REGISTRY = RoomRegistry()
