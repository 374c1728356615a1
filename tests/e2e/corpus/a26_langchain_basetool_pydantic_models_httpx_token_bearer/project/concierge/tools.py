import os
from typing import Literal

from pydantic import BaseModel, Field

from lc_lite import BaseTool

from .runtime import AvatarRuntime

runtime = AvatarRuntime()


class StartArgs(BaseModel):
    avatar_id: str = Field(default_factory=lambda: os.getenv("SUPPORT_AVATAR", "Anna_public_3_20240108"))


class SpeakArgs(BaseModel):
    text: str
    style: Literal["repeat", "chat"] = "repeat"


class StartAvatarTool(BaseTool):
    name = "start_avatar"
    description = "Start the support avatar. Returns the room the customer's browser joins."
    args_schema = StartArgs

    async def _arun(self, avatar_id: str) -> dict:
        s = await runtime.open(avatar_id, os.getenv("SUPPORT_KB"))
        return {"server_url": s.url, "participant_token": s.access_token}


class SpeakTool(BaseTool):
    name = "avatar_speak"
    description = "Say `text` verbatim (style=repeat) or let the avatar answer it (style=chat)."
    args_schema = SpeakArgs

    async def _arun(self, text: str, style: str) -> str:
        ack = await runtime.task(text, style)
        return f"spoken ({ack.duration_ms:.0f} ms)"


class StopAvatarTool(BaseTool):
    name = "stop_avatar"
    description = "End the avatar session."

    async def _arun(self) -> str:
        await runtime.close()
        return "stopped"


TOOLS = [StartAvatarTool(), SpeakTool(), StopAvatarTool()]
