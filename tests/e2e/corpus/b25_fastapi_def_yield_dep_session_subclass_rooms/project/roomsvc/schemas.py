from typing import Optional

from pydantic import BaseModel, Field


class RoomIn(BaseModel):
    avatar_id: str
    quality: str = Field("medium", pattern="^(low|medium|high)$")
    knowledge_base_id: Optional[str] = None


class LiveKitCreds(BaseModel):
    url: str
    token: str


class RoomOut(BaseModel):
    room_id: str
    livekit: LiveKitCreds


class Utterance(BaseModel):
    text: str = Field(min_length=1, max_length=1000)


class Ack(BaseModel):
    ok: bool = True
