from .avatar import SpeakingAvatar
from .llm import stream_completion


class ShopAssistant:
    def __init__(self):
        self.avatar = SpeakingAvatar()

    async def open(self):
        return await self.avatar.start()

    async def on_user_text(self, text):
        await self.avatar.say_stream(stream_completion(text))

    async def on_user_speaking(self):
        await self.avatar.barge_in()

    async def hang_up(self):
        await self.avatar.close()
