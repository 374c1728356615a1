from typing import Literal, Optional

from pydantic import BaseModel


class NewSessionRequest(BaseModel):
    avatar_id: Optional[str] = None
    quality: Literal["low", "medium", "high"] = "medium"
    language: str = "en"


class NewSessionResponse(BaseModel):
    session_id: str
    url: str
    access_token: str


class TaskRequest(BaseModel):
    text: str
    task_type: Literal["repeat", "chat"] = "repeat"


class TaskResponse(BaseModel):
    task_id: Optional[str] = None
    duration_ms: Optional[float] = None


class HeyGenEnvelope(BaseModel):
    code: int
    message: str = ""
    data: Optional[dict] = None
