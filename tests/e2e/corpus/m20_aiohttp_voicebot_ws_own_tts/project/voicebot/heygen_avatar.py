"""HeyGen streaming avatar as the video output of the voice bot (we send our own TTS audio).

Flow: create_token -> streaming.new (Bearer token) -> streaming.start -> websocket to
realtime_endpoint, then agent.speak / agent.speak_end per utterance.
"""
import asyncio
import base64
import json
import logging
import uuid

import aiohttp

from . import settings

logger = logging.getLogger(__name__)


class HeyGenAvatarService:
    def __init__(self, http: aiohttp.ClientSession, avatar_id=None):
        self._http = http
        self._avatar_id = avatar_id or settings.HEYGEN_AVATAR
        self._token = None
        self._session_id = None
        self._ws = None
        self._keepalive_task = None
        self.room_url = None
        self.room_token = None
        self._speaking_until = 0.0

    async def _create_token(self):
        async with self._http.post(
            f"{settings.HEYGEN_SERVER}/v1/streaming.create_token",
            headers={"x-api-key": settings.HEYGEN_API_KEY},
        ) as r:
            r.raise_for_status()
            payload = await r.json()
        return payload["data"]["token"]

    def _auth(self):
        return {"Authorization": f"Bearer {self._token}", "Content-Type": "application/json"}

    async def _call(self, endpoint, body):
        async with self._http.post(f"{settings.HEYGEN_SERVER}/v1/{endpoint}", json=body, headers=self._auth()) as r:
            if r.status != 200:
                text = await r.text()
                raise RuntimeError(f"HeyGen {endpoint} -> {r.status}: {text}")
            return await r.json()

    async def start(self):
        self._token = await self._create_token()
        res = await self._call(
            "streaming.new",
            {"avatar_id": self._avatar_id, "quality": settings.HEYGEN_QUALITY, "version": "v2"},
        )
        info = res["data"]
        self._session_id = info["session_id"]
        self.room_url, self.room_token = info["url"], info["access_token"]
        await self._call("streaming.start", {"session_id": self._session_id})
        self._ws = await self._http.ws_connect(info["realtime_endpoint"], heartbeat=20)
        self._keepalive_task = asyncio.create_task(self._keepalive())
        logger.info("avatar %s ready (session %s)", self._avatar_id, self._session_id)

    async def _keepalive(self):
        try:
            while True:
                await asyncio.sleep(settings.KEEPALIVE_INTERVAL)
                await self._call("streaming.keep_alive", {"session_id": self._session_id})
        except asyncio.CancelledError:
            pass

    async def say_audio(self, pcm: bytes):
        """Lip-sync one utterance of our TTS audio."""
        if self._ws is None:
            raise RuntimeError("avatar not started")
        event_id = uuid.uuid4().hex
        for i in range(0, len(pcm), settings.CHUNK_BYTES):
            chunk = base64.b64encode(pcm[i:i + settings.CHUNK_BYTES]).decode("ascii")
            await self._ws.send_str(json.dumps({"type": "agent.speak", "audio": chunk, "event_id": event_id}))
        await self._ws.send_str(json.dumps({"type": "agent.speak_end", "event_id": event_id}))
        # pcm_s16le mono: 2 bytes per sample
        seconds = len(pcm) / (2 * settings.SAMPLE_RATE)
        self._speaking_until = asyncio.get_running_loop().time() + seconds
        return event_id

    async def interrupt(self):
        if self._ws is not None:
            await self._ws.send_str(json.dumps({"type": "agent.interrupt", "event_id": uuid.uuid4().hex}))

    async def stop(self):
        if self._keepalive_task:
            self._keepalive_task.cancel()
        # let the last sentence play out before hanging up (otherwise it gets cut mid-word)
        remaining = self._speaking_until - asyncio.get_running_loop().time()
        if remaining > 0:
            await asyncio.sleep(remaining)
        if self._ws is not None:
            await self._ws.close()
            self._ws = None
        if self._session_id:
            await self._call("streaming.stop", {"session_id": self._session_id})
            self._session_id = None


class NoAvatar:
    """Audio-only mode (phone line): swallow everything."""

    room_url = room_token = None

    async def start(self):
        pass

    async def say_audio(self, pcm):
        return None

    async def interrupt(self):
        pass

    async def stop(self):
        pass


def make_avatar(http):
    if settings.AVATAR_PROVIDER == "heygen":
        return HeyGenAvatarService(http)
    return NoAvatar()
