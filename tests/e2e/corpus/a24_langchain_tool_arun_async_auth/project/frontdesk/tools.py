"""Agent tools over the front-desk avatar (LangChain `BaseTool` protocol)."""
from __future__ import annotations

import asyncio
from typing import Any, ClassVar, Optional, Type

from pydantic import BaseModel, Field

from lc_stub import BaseTool, ToolException

from .avatar import FrontDeskAvatar

DESK = FrontDeskAvatar()


class TextInput(BaseModel):
    text: str = Field(description="What to say or ask")


class OpenDeskTool(BaseTool):
    name: str = "open_front_desk"
    description: str = "Show the front-desk avatar; returns the room to embed."

    def _run(self, **_: Any) -> dict[str, str]:
        return asyncio.run(self._arun())

    async def _arun(self, **_: Any) -> dict[str, str]:
        room = await DESK.open()
        return {"room_url": room.url, "room_token": room.token}


class AnswerTool(BaseTool):
    name: str = "answer_visitor"
    description: str = "Let the avatar answer a visitor's question from the desk knowledge base."
    args_schema: ClassVar[Optional[Type[BaseModel]]] = TextInput

    def _run(self, text: str) -> str:
        raise ToolException("answer_visitor is async-only; use ainvoke")

    async def _arun(self, text: str) -> str:
        if DESK.room is None:
            raise ToolException("the desk is closed")
        await DESK.answer(text)
        return "answered"


class AnnounceTool(BaseTool):
    name: str = "announce"
    description: str = "The avatar reads a notice word for word."
    args_schema: ClassVar[Optional[Type[BaseModel]]] = TextInput

    def _run(self, text: str) -> str:
        raise ToolException("announce is async-only; use ainvoke")

    async def _arun(self, text: str) -> str:
        await DESK.recite(text)
        return "announced"


class StayAwakeTool(BaseTool):
    name: str = "stay_awake"
    description: str = "Keep the desk session from idling out."

    def _run(self, **_: Any) -> str:
        DESK.keep_alive()
        return "ok"


class CloseDeskTool(BaseTool):
    name: str = "close_front_desk"
    description: str = "Hide the avatar."

    def _run(self, **_: Any) -> str:
        raise ToolException("close_front_desk is async-only; use ainvoke")

    async def _arun(self, **_: Any) -> str:
        await DESK.close()
        return "closed"


TOOLS = {tool.name: tool for tool in (OpenDeskTool(), AnswerTool(), AnnounceTool(), StayAwakeTool(), CloseDeskTool())}
