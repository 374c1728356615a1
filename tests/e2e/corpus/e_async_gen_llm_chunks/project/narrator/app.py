"""Speak an LLM answer sentence by sentence while it streams in."""
import re

from .avatar import StreamingAvatar
from .llm import stream_answer

_END = re.compile(r"([.!?])\s")


async def sentences(deltas):
    buf = ""
    async for delta in deltas:
        buf += delta
        while True:
            m = _END.search(buf)
            if not m:
                break
            yield buf[: m.end(1)].strip()
            buf = buf[m.end():]
    if buf.strip():
        yield buf.strip()


async def narrate(prompt: str, on_room=None) -> int:
    avatar = StreamingAvatar()
    url, token = await avatar.open()
    if on_room:
        on_room(url, token)
    count = 0
    try:
        async for sentence in sentences(stream_answer(prompt)):
            await avatar.speak(sentence)
            count += 1
    finally:
        await avatar.close()
    return count
