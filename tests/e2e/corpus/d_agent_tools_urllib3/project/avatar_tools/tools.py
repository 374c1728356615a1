"""LangChain-style tools (plain classes: name, description, args_schema, run) so an LLM agent can
drive a HeyGen streaming avatar."""
import os
from typing import Optional, Type

from pydantic import BaseModel, Field

from .transport import call


class _State:
    session_id: Optional[str] = None
    room: Optional[dict] = None


STATE = _State()


class BaseTool:
    name: str = ""
    description: str = ""
    args_schema: Optional[Type[BaseModel]] = None

    def run(self, tool_input=None):
        kwargs = self.args_schema(**(tool_input or {})).model_dump() if self.args_schema else {}
        return self._run(**kwargs)

    def _run(self, **kwargs):
        raise NotImplementedError


class OpenAvatarInput(BaseModel):
    avatar_id: str = Field(default_factory=lambda: os.environ.get("TOOL_AVATAR_ID", "Anna_public_3_20240108"))
    knowledge_base_id: Optional[str] = Field(default_factory=lambda: os.environ.get("TOOL_KB_ID"))


class OpenAvatarTool(BaseTool):
    name = "open_avatar"
    description = "Open a live avatar video session. Call once before speaking."
    args_schema = OpenAvatarInput

    def _run(self, avatar_id, knowledge_base_id=None):
        payload = {"avatar_id": avatar_id, "version": "v2", "quality": "medium"}
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        data = call("streaming.new", payload)["data"]
        call("streaming.start", {"session_id": data["session_id"]})
        STATE.session_id = data["session_id"]
        STATE.room = {"livekit_url": data["url"], "token": data["access_token"]}
        return f"avatar session {STATE.session_id} is live"


class SpeakInput(BaseModel):
    text: str = Field(description="what to say or ask")
    mode: str = Field(default="repeat", description="'repeat' to say verbatim, 'chat' to let the avatar answer")


class SpeakTool(BaseTool):
    name = "avatar_speak"
    description = "Make the avatar speak. Use mode='chat' for questions it should answer itself."
    args_schema = SpeakInput

    def _run(self, text, mode="repeat"):
        if not STATE.session_id:
            return "no avatar session: call open_avatar first"
        out = call("streaming.task", {"session_id": STATE.session_id, "text": text, "task_type": mode})
        return f"queued task {out.get('data', {}).get('task_id')}"


class StopSpeakingTool(BaseTool):
    name = "avatar_stop_speaking"
    description = "Interrupt the avatar if it is talking."

    def _run(self):
        call("streaming.interrupt", {"session_id": STATE.session_id})
        return "interrupted"


class CloseAvatarTool(BaseTool):
    name = "close_avatar"
    description = "End the avatar session."

    def _run(self):
        if STATE.session_id:
            call("streaming.stop", {"session_id": STATE.session_id})
        STATE.session_id = STATE.room = None
        return "closed"


class AvatarToolkit:
    def get_tools(self):
        return [OpenAvatarTool(), SpeakTool(), StopSpeakingTool(), CloseAvatarTool()]

    @staticmethod
    def room():
        return STATE.room
