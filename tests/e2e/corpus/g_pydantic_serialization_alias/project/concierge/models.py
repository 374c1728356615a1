"""Wire models for HeyGen's Streaming API.

The service code uses its own names; aliases map them to what HeyGen expects on the wire.
"""
from __future__ import annotations

from enum import Enum

from pydantic import AliasChoices, BaseModel, ConfigDict, Field


class TaskType(str, Enum):
    REPEAT = "repeat"
    CHAT = "chat"


class Quality(str, Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class OpenSessionRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    avatar: str = Field(serialization_alias="avatar_id")
    quality: Quality = Quality.MEDIUM
    kb: str | None = Field(None, serialization_alias="knowledge_base_id")
    version: str = "v2"


class SessionRef(BaseModel):
    sid: str = Field(serialization_alias="session_id")


class SpeakRequest(SessionRef):
    text: str
    mode: TaskType = Field(TaskType.REPEAT, serialization_alias="task_type")


class LiveRoom(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    session_id: str
    server_url: str = Field(validation_alias=AliasChoices("url", "server_url"))
    client_token: str = Field(validation_alias=AliasChoices("access_token", "client_token"))
