from typing import List, Optional

from pydantic import BaseModel, Field


class OpenBody(BaseModel):
    avatar_id: str
    greeting: Optional[str] = None
    quality: str = "low"


class Opened(BaseModel):
    session_id: str
    url: str
    token: str


class Stats(BaseModel):
    active: int
    history_total: int


class SweepBody(BaseModel):
    keep: List[str] = Field(default_factory=list)


class Swept(BaseModel):
    stopped: List[str]
