import logging
import re
from typing import Awaitable, Callable, List

logger = logging.getLogger(__name__)

FAQ = {
    r"\bopen|hours\b": "We're open every day from nine to nine.",
    r"\brefund": "Refunds take three to five business days.",
}


def answer(text: str) -> str:
    # TODO: swap for the real LLM call once the budget is approved
    for pattern, reply in FAQ.items():
        if re.search(pattern, text, re.I):
            return reply
    return "Sorry, could you say that again?"


class VoicePipeline:
    """user speech (already transcribed) -> answer -> our TTS -> avatar lip-sync"""

    def __init__(self, avatar, tts: Callable[[str], Awaitable[bytes]]):
        self.avatar = avatar
        self.tts = tts
        self.history: List[dict] = []
        self.speaking = False

    async def on_user_text(self, text: str):
        if self.speaking:
            # barge-in: the caller talked over the bot
            await self.avatar.interrupt()
        self.history.append({"role": "user", "content": text})
        reply = answer(text)
        self.history.append({"role": "assistant", "content": reply})
        pcm = await self.tts(reply)
        self.speaking = True
        await self.avatar.say_audio(pcm)
        return reply

    async def on_user_silence(self):
        self.speaking = False
