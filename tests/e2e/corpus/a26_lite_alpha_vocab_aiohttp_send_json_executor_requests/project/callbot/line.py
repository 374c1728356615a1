import asyncio
import base64
import os

import aiohttp

from . import rest


class AvatarLine:
    def __init__(self):
        self.info = None
        self.http = None
        self.ws = None
        self.reader = None
        self.connected = asyncio.Event()

    async def dial(self):
        loop = asyncio.get_running_loop()
        self.info = await loop.run_in_executor(None, rest.open_session, os.environ.get("CALLBOT_AVATAR", "Anna_public_3_20240108"))
        self.http = aiohttp.ClientSession()
        self.ws = await self.http.ws_connect(self.info["realtime_endpoint"])
        self.reader = asyncio.create_task(self._read())
        await asyncio.wait_for(self.connected.wait(), 10)
        return self.info["url"], self.info["access_token"]

    async def _read(self):
        async for msg in self.ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                data = msg.json()
                if data.get("type") == "session.state_updated" and data.get("state") == "connected":
                    self.connected.set()
            elif msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break

    async def play(self, chunks):
        for pcm in chunks:
            await self.ws.send_json({"type": "agent.audio_buffer_append", "audio": base64.b64encode(pcm).decode()})
        await self.ws.send_json({"type": "agent.audio_buffer_commit"})

    async def barge_in(self):
        await self.ws.send_json({"type": "agent.audio_buffer_clear"})

    async def caller_turn(self):
        await self.ws.send_json({"type": "agent.start_listening"})
        await asyncio.sleep(0.05)
        await self.ws.send_json({"type": "agent.end_listening"})

    async def still_there(self):
        await self.ws.send_json({"type": "session.keep_alive"})

    async def hangup(self):
        await asyncio.sleep(0.3)
        await self.ws.close()
        await self.reader
        await self.http.close()
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, rest.close_session, self.info["session_id"])
