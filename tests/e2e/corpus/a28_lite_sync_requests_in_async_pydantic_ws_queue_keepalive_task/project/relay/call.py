import os

from .api import HeyGenREST
from .socket import AvatarSocket


class Call:
    """One phone call: the avatar speaks what our TTS says."""

    def __init__(self, tts, avatar_id=None):
        self.tts = tts
        self.avatar_id = avatar_id or os.environ["RELAY_AVATAR"]
        self.rest = HeyGenREST()
        self.session = None
        self.socket = None

    async def answer(self):
        self.session = await self.rest.create(self.avatar_id)
        self.socket = AvatarSocket(self.session.realtime_endpoint)
        await self.socket.open()
        return self.session.url, self.session.access_token

    async def say(self, text):
        await self.socket.speak(self.tts(text))

    async def caller_spoke(self):
        await self.socket.barge_in()

    async def hang_up(self):
        await self.socket.close()
        await self.rest.close(self.session.session_id)
