from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field


class ApiResponse(BaseModel):
    """HeyGen's envelope: {"code": 100, "message": "success", "data": {...}}."""

    model_config = ConfigDict(populate_by_name=True)

    code: int
    msg: Optional[str] = Field(default=None, alias="message")
    data: Optional[dict[str, Any]] = None

    @property
    def ok(self) -> bool:
        return self.code == 100


class StreamingSession(BaseModel):
    session_id: str
    url: str
    access_token: str
    session_duration_limit: Optional[int] = None


class SpeakRequest(BaseModel):
    session_id: str
    text: str
    task_type: str = "repeat"
