from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


class Envelope(BaseModel):
    code: int = 100
    message: Optional[str] = None


class StreamingSession(BaseModel):
    """`data` of POST /v1/streaming.new."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore")

    session_id: str
    livekit_url: str = Field(alias="url")
    viewer_token: str = Field(alias="access_token")
    realtime_endpoint: Optional[str] = None


class NewSessionResponse(Envelope):
    data: StreamingSession


class TaskData(BaseModel):
    task_id: Optional[str] = None
    duration_ms: Optional[float] = None


class TaskResponse(Envelope):
    data: Optional[TaskData] = None


class ActiveSession(BaseModel):
    session_id: str
    status: str
    created_at: int


class SessionListResponse(BaseModel):
    sessions: list[ActiveSession] = Field(default_factory=list)
