from enum import Enum
from typing import Optional

from pydantic import BaseModel


class TaskType(str, Enum):
    REPEAT = "repeat"
    CHAT = "chat"


class NewSessionRequest(BaseModel):
    avatar_id: str
    quality: str = "medium"
    version: str = "v2"
    knowledge_base_id: Optional[str] = None
    language: Optional[str] = None


class SessionInfo(BaseModel):
    session_id: str
    url: str
    access_token: str
