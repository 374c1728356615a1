from .ports import AvatarProvider


class ConversationService:
    def __init__(self, avatar: AvatarProvider):
        self.avatar = avatar

    async def announce(self, session_id: str, lines: list[str]) -> None:
        for line in lines:
            await self.avatar.speak(session_id, line)

    async def cancel_current(self, session_id: str) -> None:
        await self.avatar.interrupt(session_id)

    async def end(self, session_id: str) -> None:
        await self.avatar.close(session_id)
