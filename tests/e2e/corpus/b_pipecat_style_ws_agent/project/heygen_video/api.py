"""HeyGen Interactive Avatar REST API (the parts the video service needs)."""
import logging
from enum import Enum
from typing import Any, Dict, Optional

import aiohttp
from pydantic import BaseModel, Field

logger = logging.getLogger(__name__)


class AvatarQuality(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


class VideoEncoding(str, Enum):
    H264 = "H264"
    VP8 = "VP8"


class VoiceSettings(BaseModel):
    voice_id: Optional[str] = Field(None, alias="voiceId")
    rate: Optional[float] = None
    emotion: Optional[str] = None

    model_config = {"populate_by_name": True}


class NewSessionRequest(BaseModel):
    avatar_id: str
    quality: Optional[AvatarQuality] = None
    voice: Optional[VoiceSettings] = None
    language: Optional[str] = None
    version: str = "v2"
    video_encoding: Optional[VideoEncoding] = None
    source: str = "sdk"
    knowledge_id: Optional[str] = None
    activity_idle_timeout: Optional[int] = None


class HeyGenSession(BaseModel):
    session_id: str
    access_token: str
    url: str
    livekit_agent_token: str
    realtime_endpoint: str


class HeyGenApi:
    BASE_URL = "https://api.heygen.com/v1"

    def __init__(self, api_key: str, session: aiohttp.ClientSession):
        self.api_key = api_key
        self.session = session

    async def _request(self, path: str, params: Dict[str, Any], expect_data: bool = True) -> Any:
        headers = {"x-api-key": self.api_key, "Content-Type": "application/json"}
        url = f"{self.BASE_URL}{path}"
        async with self.session.post(url, json=params, headers=headers) as r:
            r.raise_for_status()
            if expect_data:
                return (await r.json())["data"]
            return await r.text()

    async def new_session(self, request: NewSessionRequest) -> HeyGenSession:
        params = request.model_dump(exclude_none=True)
        logger.debug(f"Creating new session: {params}")
        return HeyGenSession.model_validate(await self._request("/streaming.new", params))

    async def start_session(self, session_id: str) -> Any:
        return await self._request("/streaming.start", {"session_id": session_id})

    async def close_session(self, session_id: str) -> Any:
        return await self._request("/streaming.stop", {"session_id": session_id}, expect_data=False)
