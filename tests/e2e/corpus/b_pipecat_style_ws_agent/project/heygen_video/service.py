import os

import aiohttp

from .api import AvatarQuality, NewSessionRequest, VideoEncoding, VoiceSettings
from .client import HeyGenClient


class HeyGenVideoService:
    """Frame-processor-like facade: audio in, avatar video out (in the LiveKit room)."""

    def __init__(self, *, api_key: str, session: aiohttp.ClientSession, session_request: NewSessionRequest):
        self._client = HeyGenClient(api_key, session, session_request)

    @classmethod
    def from_env(cls, session: aiohttp.ClientSession) -> "HeyGenVideoService":
        return cls(
            api_key=os.getenv("HEYGEN_API_KEY"),
            session=session,
            session_request=NewSessionRequest(
                avatar_id=os.getenv("HEYGEN_AVATAR_ID", "Shawn_Therapist_public"),
                quality=AvatarQuality.high,
                video_encoding=VideoEncoding.VP8,
                voice=VoiceSettings(rate=1.05, emotion="Friendly"),
                knowledge_id=os.getenv("HEYGEN_KNOWLEDGE_ID"),
                activity_idle_timeout=180,
            ),
        )

    async def setup(self) -> None:
        """Pipeline setup: create and start the HeyGen session (REST)."""
        await self._client.setup()

    async def start(self) -> None:
        """StartFrame: open the realtime transport."""
        await self._client.connect_ws()

    def client_credentials(self):
        info = self._client.session_info
        return info.url, info.access_token

    async def write_audio(self, pcm: bytes) -> None:
        """One TTS utterance (TTSStarted..TTSStopped) worth of audio."""
        await self._client.agent_speak(pcm)
        await self._client.agent_speak_end()
        await self._client.start_agent_listening()

    async def interrupt(self) -> None:
        await self._client.interrupt()

    async def stop(self) -> None:
        await self._client.cleanup()
