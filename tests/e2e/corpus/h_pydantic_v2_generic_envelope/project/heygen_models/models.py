from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Envelope(BaseModel, Generic[T]):
    code: int
    message: str = ""
    data: T | None = None


class StreamingSession(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore")

    id: str = Field(alias="session_id")
    livekit_url: str = Field(alias="url")
    viewer_token: str = Field(alias="access_token")
    realtime_endpoint: str | None = None
    session_duration_limit: int | None = None


class NewSessionRequest(BaseModel):
    avatar_id: str
    quality: Literal["low", "medium", "high"] = "medium"
    version: str = "v2"
    video_encoding: str | None = None
    knowledge_base_id: str | None = None


class TaskAck(BaseModel):
    task_id: str
    duration_ms: float | None = None
