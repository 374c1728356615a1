import os

from heygen_api import HeyGenAPI

DEFAULT_AVATAR = os.getenv("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")


class VoiceBot:
    """Keeps one avatar session open for the lifetime of the bot."""

    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or DEFAULT_AVATAR
        self.session_id = None

    async def connect(self):
        async with HeyGenAPI() as api:
            info = await api.new_session(self.avatar_id)
            self.session_id = info["session_id"]
            await api.start_session(self.session_id)
        return {"url": info["url"], "access_token": info["access_token"]}

    async def say(self, text):
        async with HeyGenAPI() as api:
            return await api.send_text(self.session_id, text)

    async def heartbeat(self):
        async with HeyGenAPI() as api:
            ok = await api.keep_alive(self.session_id)
        if not ok:
            print("keep alive failed")
        return ok

    async def disconnect(self):
        if self.session_id:
            async with HeyGenAPI() as api:
                await api.stop_session(self.session_id)
            self.session_id = None
