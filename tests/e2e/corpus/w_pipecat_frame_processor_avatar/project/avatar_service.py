#
# HeyGen streaming avatar as a pipecat frame processor.
#
# Text that reaches this processor as TTSSpeakFrame is spoken by the avatar
# (HeyGen does the TTS, task_type "repeat"); when the user starts talking we
# interrupt the avatar. The browser gets the LiveKit room through an
# OutputTransportMessageFrame and renders the video itself.
#
import logging
from typing import Optional

import aiohttp

from pipecat.frames.frames import (
    CancelFrame,
    EndFrame,
    Frame,
    OutputTransportMessageFrame,
    StartFrame,
    StartInterruptionFrame,
    TTSSpeakFrame,
    UserStartedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

logger = logging.getLogger(__name__)

HEYGEN_API_BASE = "https://api.heygen.com/v1"


class AvatarVideoService(FrameProcessor):
    def __init__(
        self,
        *,
        api_key: str,
        session: aiohttp.ClientSession,
        avatar_id: str,
        quality: str = "medium",
        voice_id: Optional[str] = None,
        api_base: str = HEYGEN_API_BASE,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self._api_key = api_key
        self._session = session
        self._avatar_id = avatar_id
        self._quality = quality
        self._voice_id = voice_id
        self._api_base = api_base
        self.session_info: Optional[dict] = None

    def _headers(self):
        return {"X-Api-Key": self._api_key, "Content-Type": "application/json"}

    async def _post(self, endpoint: str, payload: dict) -> dict:
        async with self._session.post(
            f"{self._api_base}/{endpoint}", json=payload, headers=self._headers()
        ) as resp:
            if resp.status != 200:
                text = await resp.text()
                raise Exception(f"HeyGen {endpoint} failed ({resp.status}): {text}")
            return await resp.json()

    async def start(self, frame: StartFrame):
        payload = {"avatar_id": self._avatar_id, "quality": self._quality, "version": "v2"}
        if self._voice_id:
            payload["voice"] = {"voice_id": self._voice_id}
        result = await self._post("streaming.new", payload)
        self.session_info = result["data"]
        session_id = self.session_info["session_id"]
        await self._post("streaming.start", {"session_id": session_id})
        logger.info(f"{self}: HeyGen session {session_id} started")
        await self.push_frame(
            OutputTransportMessageFrame(
                message={
                    "type": "avatar-room",
                    "url": self.session_info["url"],
                    "token": self.session_info["access_token"],
                }
            )
        )

    async def stop(self, frame: Frame):
        if not self.session_info:
            return
        await self._post("streaming.stop", {"session_id": self.session_info["session_id"]})
        logger.info(f"{self}: HeyGen session stopped")
        self.session_info = None

    async def _say(self, text: str):
        if not self.session_info:
            logger.warning(f"{self}: no session, dropping {text!r}")
            return
        await self._post(
            "streaming.task",
            {"session_id": self.session_info["session_id"], "text": text, "task_type": "repeat"},
        )

    async def _interrupt(self):
        if self.session_info:
            await self._post("streaming.interrupt", {"session_id": self.session_info["session_id"]})

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)

        if isinstance(frame, StartFrame):
            await self.start(frame)
            await self.push_frame(frame, direction)
        elif isinstance(frame, (EndFrame, CancelFrame)):
            await self.stop(frame)
            await self.push_frame(frame, direction)
        elif isinstance(frame, TTSSpeakFrame):
            await self._say(frame.text)
        elif isinstance(frame, UserStartedSpeakingFrame):
            await self._interrupt()
            await self.push_frame(StartInterruptionFrame(), direction)
        else:
            await self.push_frame(frame, direction)
