import asyncio
import base64
import contextlib
import json
import os

import httpx
import websockets

API = "https://api.heygen.com/v1"


class VoiceHost:
    def __init__(self):
        self.http = httpx.AsyncClient(headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]}, timeout=30)
        self.data = None
        self.ws = None
        self.audio: asyncio.Queue = asyncio.Queue()
        self._consumer = None
        self._reader = None

    async def open(self):
        r = await self.http.post(f"{API}/streaming.new", json={"avatar_id": os.environ["HOST_AVATAR"], "version": "v2"})
        r.raise_for_status()
        self.data = r.json()["data"]
        r = await self.http.post(f"{API}/streaming.start", json={"session_id": self.data["session_id"]})
        r.raise_for_status()
        self.ws = await websockets.connect(self.data["realtime_endpoint"])
        self._reader = asyncio.create_task(self._drain())
        self._consumer = asyncio.create_task(self._pump())
        return self.data["url"], self.data["access_token"]

    async def _drain(self):
        with contextlib.suppress(websockets.ConnectionClosed):
            async for _ in self.ws:
                pass

    async def _send(self, kind, **fields):
        await self.ws.send(json.dumps({"type": kind, **fields}))

    async def _pump(self):
        while True:
            chunk = await self.audio.get()
            try:
                if chunk is None:
                    await self._send("agent.audio_buffer_commit")
                    continue
                await self._send("agent.audio_buffer_append", audio=base64.b64encode(chunk).decode())
            finally:
                self.audio.task_done()

    async def speak(self, chunks):
        for chunk in chunks:
            await self.audio.put(chunk)
        await self.audio.put(None)
        await self.audio.join()

    async def cut_in(self):
        await self._send("agent.audio_buffer_clear")

    async def close(self):
        self._consumer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._consumer
        await asyncio.sleep(0.3)
        await self.ws.close()
        await self._reader
        r = await self.http.post(f"{API}/streaming.stop", json={"session_id": self.data["session_id"]})
        r.raise_for_status()
        await self.http.aclose()
