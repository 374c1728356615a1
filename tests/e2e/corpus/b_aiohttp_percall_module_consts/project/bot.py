import asyncio
import os

import heygen_api

DEFAULT_AVATAR = os.getenv("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")


class VoiceBot:
    """Keeps one avatar session open for the lifetime of the bot."""

    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or DEFAULT_AVATAR
        self.session_id = None
        self._lock = asyncio.Lock()

    async def connect(self):
        info = await heygen_api.new_session(self.avatar_id)
        self.session_id = info["session_id"]
        await heygen_api.start_session(self.session_id)
        # the page needs url + access_token to join the LiveKit room
        return {"url": info["url"], "access_token": info["access_token"]}

    async def say(self, text):
        if not self.session_id:
            raise RuntimeError("connect() first")
        async with self._lock:
            return await heygen_api.send_text(self.session_id, text)

    async def heartbeat(self):
        ok = await heygen_api.keep_alive(self.session_id)
        if not ok:
            print("keep alive failed")
        return ok

    async def disconnect(self):
        if self.session_id:
            await heygen_api.stop_session(self.session_id)
            self.session_id = None


async def _demo():
    bot = VoiceBot()
    creds = await bot.connect()
    print("join", creds["url"])
    await bot.say("Hello there")
    await bot.disconnect()


if __name__ == "__main__":
    asyncio.run(_demo())
