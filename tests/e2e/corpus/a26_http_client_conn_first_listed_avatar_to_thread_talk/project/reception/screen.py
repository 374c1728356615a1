import asyncio
import os

from .heygen_conn import HeyGenConn


class ReceptionScreen:
    def __init__(self):
        self.api = HeyGenConn()
        self.session_id = None

    async def boot(self):
        avatars = await asyncio.to_thread(self.api.avatars)
        if not avatars:
            raise RuntimeError("no streaming avatars on this account")
        avatar_id = avatars[0]["avatar_id"]
        data = await asyncio.to_thread(self.api.new, avatar_id, os.environ.get("RECEPTION_KB"))
        self.session_id = data["session_id"]
        await asyncio.to_thread(self.api.start, self.session_id)
        return data["url"], data["access_token"]

    async def greet(self, name=None):
        text = f"Welcome, {name}! Please take a seat." if name else "Welcome! Please take a seat."
        await asyncio.to_thread(self.api.task, self.session_id, text, "repeat")

    async def answer(self, question):
        await asyncio.to_thread(self.api.task, self.session_id, question, "talk")

    async def idle(self):
        await asyncio.to_thread(self.api.keep_alive, self.session_id)

    async def shutdown(self):
        if self.session_id:
            await asyncio.to_thread(self.api.stop, self.session_id)
            self.session_id = None
