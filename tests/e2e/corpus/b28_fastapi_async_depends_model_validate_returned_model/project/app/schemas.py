from typing import Literal, Optional

from pydantic import BaseModel, Field


class VoiceSettings(BaseModel):
    voice_id: str
    rate: float = 1.0


class SessionRequest(BaseModel):
    """Body of POST /v1/streaming.new."""

    avatar_id: str
    quality: Literal["low", "medium", "high"] = "medium"
    voice: Optional[VoiceSettings] = None
    version: str = "v2"


class NewSessionData(BaseModel):
    """What streaming.new answers in `data`; handed to the browser as is."""

    session_id: str
    url: str
    access_token: str
    session_duration_limit: Optional[int] = None


class SpeakBody(BaseModel):
    text: str = Field(min_length=1, max_length=1000)
    task_type: Literal["repeat", "chat"] = "repeat"


class TaskOut(BaseModel):
    task_id: Optional[str] = None
    duration_ms: Optional[float] = None
