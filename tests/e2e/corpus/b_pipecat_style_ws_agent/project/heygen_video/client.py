"""Realtime connection to the HeyGen avatar: we send PCM, it lip-syncs."""
import asyncio
import base64
import json
import logging
import uuid
from typing import Optional

import aiohttp

from .api import HeyGenApi, HeyGenSession, NewSessionRequest

logger = logging.getLogger(__name__)
KEEP_ALIVE_SLEEP = 150  # seconds
CHUNK_BYTES = 24000  # 500 ms of 24 kHz 16-bit mono


class HeyGenClient:
    def __init__(self, api_key: str, session: aiohttp.ClientSession, params: NewSessionRequest):
        self._api = HeyGenApi(api_key, session=session)
        self._http = session
        self._params = params
        self._session_info: Optional[HeyGenSession] = None
        self._ws: Optional[aiohttp.ClientWebSocketResponse] = None
        self._ws_task: Optional[asyncio.Task] = None
        self._keepalive_task: Optional[asyncio.Task] = None
        self._connected = asyncio.Event()
        self._event_id: Optional[str] = None

    @property
    def session_info(self) -> HeyGenSession:
        assert self._session_info is not None
        return self._session_info

    async def setup(self) -> None:
        self._session_info = await self._api.new_session(self._params)
        await self._api.start_session(self._session_info.session_id)
        logger.info(f"HeyGen session {self._session_info.session_id} started")

    async def connect_ws(self) -> None:
        self._ws = await self._http.ws_connect(self.session_info.realtime_endpoint)
        self._ws_task = asyncio.create_task(self._ws_receive())
        await asyncio.wait_for(self._connected.wait(), 10)
        await self._send_keepalive()
        self._keepalive_task = asyncio.create_task(self._keepalive_loop())

    async def _ws_receive(self) -> None:
        async for msg in self._ws:
            if msg.type != aiohttp.WSMsgType.TEXT:
                continue
            event = json.loads(msg.data)
            if event.get("type") == "session.state_updated" and event.get("state") == "connected":
                self._connected.set()

    async def _ws_send(self, message: dict) -> None:
        if self._ws is None or self._ws.closed:
            return logger.warning("websocket not connected, dropping message")
        await self._ws.send_str(json.dumps(message))

    async def _send_keepalive(self) -> None:
        await self._ws_send({"type": "session.keep_alive", "event_id": str(uuid.uuid4())})

    async def _keepalive_loop(self) -> None:
        while True:
            await asyncio.sleep(KEEP_ALIVE_SLEEP)
            await self._send_keepalive()

    async def agent_speak(self, audio: bytes) -> None:
        if self._event_id is None:
            self._event_id = str(uuid.uuid4())
        for start in range(0, len(audio), CHUNK_BYTES):
            await self._ws_send(
                {
                    "type": "agent.speak",
                    "audio": base64.b64encode(audio[start : start + CHUNK_BYTES]).decode("utf-8"),
                    "event_id": self._event_id,
                }
            )

    async def agent_speak_end(self) -> None:
        if self._event_id is None:
            return
        await self._ws_send({"type": "agent.speak_end", "event_id": self._event_id})
        self._event_id = None

    async def start_agent_listening(self) -> None:
        await self._ws_send({"type": "agent.start_listening", "event_id": str(uuid.uuid4())})

    async def interrupt(self) -> None:
        await self._ws_send({"type": "agent.interrupt", "event_id": str(uuid.uuid4())})
        self._event_id = None

    async def cleanup(self) -> None:
        if self._keepalive_task:
            self._keepalive_task.cancel()
        if self._ws is not None:
            await self._ws.close()
        if self._ws_task:
            await self._ws_task
        if self._session_info:
            await self._api.close_session(self._session_info.session_id)
            self._session_info = None
