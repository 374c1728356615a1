"""In-process room registry (one uvicorn worker in production)."""
import threading
import uuid
from dataclasses import dataclass, field
from typing import Dict


@dataclass
class Room:
    heygen_session_id: str
    avatar_id: str
    room_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])


_rooms: Dict[str, Room] = {}
_lock = threading.Lock()


def add(room: Room) -> Room:
    with _lock:
        _rooms[room.room_id] = room
    return room


def get(room_id: str) -> Room:
    with _lock:
        return _rooms[room_id]


def remove(room_id: str) -> Room:
    with _lock:
        return _rooms.pop(room_id)
