"""LangChain tools that let an agent drive a HeyGen streaming avatar."""
import json
import os
from typing import Optional, Type

import requests
from pydantic import BaseModel, Field

from heygen_session import BASE_URL, AvatarState
from lc import BaseTool

TASK_DEFAULTS = {"task_mode": "sync"}


class SpeakInput(BaseModel):
    text: str = Field(description="What the avatar should say, word for word")


class AnswerInput(BaseModel):
    text: str = Field(description="The user's question; the avatar answers it from the knowledge base")


class OpenAvatarTool(BaseTool):
    name: str = "open_avatar"
    description: str = "Start the avatar video call. Returns the room the user joins."
    state: AvatarState

    def _run(self, text: str = "") -> str:
        info = self.state.open(
            os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
            knowledge_base_id=os.getenv("KNOWLEDGE_BASE_ID"),
        )
        return json.dumps({"session_id": info["session_id"], "room": info["url"]})


class SpeakTool(BaseTool):
    name: str = "avatar_speak"
    description: str = "Make the avatar say the text exactly."
    args_schema: Type[BaseModel] = SpeakInput
    state: AvatarState
    task_type: str = "repeat"

    def _run(self, text: str) -> str:
        if self.state.session_id is None:
            return "error: the avatar call is not open"
        resp = requests.post(
            f"{BASE_URL}/v1/streaming.task",
            json=TASK_DEFAULTS | {"session_id": self.state.session_id, "text": text, "task_type": self.task_type},
            headers=self.state.headers,
            timeout=30,
        )
        if resp.status_code != 200:
            return f"error: {resp.status_code}"
        return f"spoke {len(text)} characters"


class AnswerTool(SpeakTool):
    name: str = "avatar_answer"
    description: str = "Let the avatar answer a question with its own knowledge."
    args_schema: Type[BaseModel] = AnswerInput
    task_type: str = "talk"


class InterruptTool(BaseTool):
    name: str = "avatar_interrupt"
    description: str = "Stop the avatar mid-sentence."
    state: AvatarState

    def _run(self, text: str = "") -> str:
        requests.post(
            f"{BASE_URL}/v1/streaming.interrupt",
            json={"session_id": self.state.session_id},
            headers=self.state.headers,
            timeout=30,
        ).raise_for_status()
        return "interrupted"


class CloseAvatarTool(BaseTool):
    name: str = "close_avatar"
    description: str = "End the avatar video call."
    state: AvatarState

    def _run(self, text: str = "") -> Optional[str]:
        self.state.close()
        return "closed"


def avatar_toolkit(state: AvatarState) -> list:
    return [
        OpenAvatarTool(state=state),
        SpeakTool(state=state),
        AnswerTool(state=state),
        InterruptTool(state=state),
        CloseAvatarTool(state=state),
    ]
