from __future__ import annotations

from .domain.ports import AvatarGateway, Room


class TutorService:
    def __init__(self, gateway: AvatarGateway, avatar_id: str) -> None:
        self.gateway = gateway
        self.avatar_id = avatar_id
        self.room: Room | None = None

    def begin_lesson(self) -> Room:
        if self.avatar_id not in self.gateway.avatars():
            # custom avatars are not in the public catalogue; we still try
            pass
        self.room = self.gateway.open_room(self.avatar_id)
        return self.room

    def explain(self, *lines: str) -> None:
        for line in lines:
            self.gateway.speak(self.room.session_id, line)

    def student_raised_hand(self) -> None:
        self.gateway.interrupt(self.room.session_id)

    def still_here(self) -> None:
        self.gateway.heartbeat(self.room.session_id)

    def end_lesson(self) -> int:
        self.gateway.close_room(self.room.session_id)
        self.room = None
        return self.gateway.past_sessions()
