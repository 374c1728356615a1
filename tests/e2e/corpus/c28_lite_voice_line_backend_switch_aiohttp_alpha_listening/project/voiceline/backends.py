import base64
import logging
import os

import aiohttp

from .speech import RATE

log = logging.getLogger("voiceline")
HEYGEN = "https://api.heygen.com"
CHUNK = RATE * 2  # one second of PCM16


class NullBackend:
    """Prints instead of talking to a vendor (local development)."""

    async def open(self):
        return {"url": "", "token": ""}

    async def listen(self):
        log.info("listening")

    async def end_listen(self):
        log.info("end listening")

    async def speak(self, pcm):
        log.info("speak %d bytes", len(pcm))

    async def barge_in(self):
        log.info("barge-in")

    async def keep_alive(self):
        pass

    async def close(self):
        pass


class HeyGenRealtime:
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.environ["LINE_AVATAR"]
        self.http = None
        self.ws = None
        self.session_id = None

    async def _post(self, path, payload):
        async with self.http.post(f"{HEYGEN}{path}", json=payload) as resp:
            resp.raise_for_status()
            return (await resp.json())["data"]

    async def open(self):
        self.http = aiohttp.ClientSession(headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
        data = await self._post("/v1/streaming.new", {"avatar_id": self.avatar_id, "version": "v2", "quality": "low"})
        self.session_id = data["session_id"]
        await self._post("/v1/streaming.start", {"session_id": self.session_id})
        self.ws = await self.http.ws_connect(data["realtime_endpoint"])
        return {"url": data["url"], "token": data["access_token"]}

    async def listen(self):
        await self.ws.send_json({"type": "agent.start_listening"})

    async def end_listen(self):
        await self.ws.send_json({"type": "agent.end_listening"})

    async def speak(self, pcm):
        for start in range(0, len(pcm), CHUNK):
            chunk = pcm[start : start + CHUNK]
            await self.ws.send_json({"type": "agent.audio_buffer_append", "audio": base64.b64encode(chunk).decode()})
        await self.ws.send_json({"type": "agent.audio_buffer_commit"})

    async def barge_in(self):
        await self.ws.send_json({"type": "agent.audio_buffer_clear"})

    async def keep_alive(self):
        await self.ws.send_json({"type": "session.keep_alive"})

    async def close(self):
        try:
            if self.ws is not None:
                await self.ws.close()
            await self._post("/v1/streaming.stop", {"session_id": self.session_id})
        finally:
            await self.http.close()


BACKENDS = {"heygen": HeyGenRealtime, "null": NullBackend}


def backend_from_env():
    return BACKENDS[os.getenv("AVATAR_BACKEND", "heygen")]()
