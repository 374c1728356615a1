import asyncio
import base64
import json
import logging

import aiohttp
import websockets
from pydantic import BaseModel

from pipeflow import (
    BotInterruptionFrame,
    EndFrame,
    FrameProcessor,
    RoomFrame,
    StartFrame,
    TTSAudioRawFrame,
    TTSStoppedFrame,
)

logger = logging.getLogger(__name__)


class HeyGenParams(BaseModel):
    api_key: str
    avatar_id: str
    base_url: str = "https://api.heygen.com"


class HeyGenOutput(FrameProcessor):
    def __init__(self, params: HeyGenParams):
        super().__init__()
        self._params = params
        self._base = params.base_url
        self._http = None
        self._session = None
        self._ws = None
        self._reader = None

    async def _api(self, path, body):
        async with self._http.post(f"{self._base}/v1/{path}", json=body, headers={"X-Api-Key": self._params.api_key}) as r:
            r.raise_for_status()
            return (await r.json())["data"]

    async def _start(self):
        self._http = aiohttp.ClientSession()
        self._session = await self._api("streaming.new", {"avatar_id": self._params.avatar_id, "version": "v2"})
        await self._api("streaming.start", {"session_id": self._session["session_id"]})
        self._ws = await websockets.connect(self._session["realtime_endpoint"])
        self._reader = asyncio.create_task(self._read())
        await self.push_frame(RoomFrame(self._session["url"], self._session["access_token"]))

    async def _read(self):
        try:
            async for raw in self._ws:
                logger.debug("heygen: %s", json.loads(raw).get("type"))
        except websockets.ConnectionClosed:
            pass

    async def _send_audio(self, frame: TTSAudioRawFrame):
        await self._ws.send(json.dumps({"type": "agent.speak", "audio": base64.b64encode(frame.audio).decode("utf-8")}))

    async def _end_of_speech(self):
        await self._ws.send(json.dumps({"type": "agent.speak_end"}))

    async def _interrupt(self):
        await self._ws.send(json.dumps({"type": "agent.interrupt"}))

    async def _stop(self):
        await asyncio.sleep(0.3)
        await self._ws.close()
        await self._reader
        await self._api("streaming.stop", {"session_id": self._session["session_id"]})
        await self._http.close()

    async def process_frame(self, frame):
        if isinstance(frame, StartFrame):
            await self._start()
        elif isinstance(frame, TTSAudioRawFrame):
            await self._send_audio(frame)
        elif isinstance(frame, TTSStoppedFrame):
            await self._end_of_speech()
        elif isinstance(frame, BotInterruptionFrame):
            await self._interrupt()
        elif isinstance(frame, EndFrame):
            await self._stop()
        await self.push_frame(frame)
