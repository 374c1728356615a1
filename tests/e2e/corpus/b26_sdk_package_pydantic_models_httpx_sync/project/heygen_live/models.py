from typing import Any, Literal, Optional

from pydantic import BaseModel


class Envelope(BaseModel):
    code: int
    message: Optional[str] = None
    data: Any = None


class NewSessionRequest(BaseModel):
    avatar_id: str
    quality: Literal["low", "medium", "high"] = "medium"
    version: str = "v2"
    knowledge_base_id: Optional[str] = None


class SessionInfo(BaseModel):
    session_id: str
    url: str
    access_token: str


class TaskRequest(BaseModel):
    session_id: str
    text: str
    task_type: Literal["repeat", "chat"] = "repeat"
