"""Wire models for the streaming avatar API (pydantic v2)."""
from __future__ import annotations

from typing import Generic, Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class OpenRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, frozen=True)

    avatar: str = Field(serialization_alias="avatar_id")
    quality: Literal["low", "medium", "high"] = "medium"
    version: Literal["v2"] = "v2"
    kb: Optional[str] = Field(default=None, serialization_alias="knowledge_base_id")


class RoomInfo(BaseModel):
    model_config = ConfigDict(extra="ignore")

    session_id: str
    url: str
    access_token: str


class Envelope(BaseModel, Generic[T]):
    code: int
    message: str = ""
    data: Optional[T] = None


class TaskRequest(BaseModel):
    session_id: str
    text: str
    task_type: Literal["repeat", "chat"] = "repeat"


class SessionRef(BaseModel):
    session_id: str
