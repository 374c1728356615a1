"""Phone bot: our LLM answers, our TTS speaks, the avatar only moves its lips."""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import httpx

from voice.rest import FaceAPI
from voice.stream import AvatarStream

ANSWERS = {
    "hello": "Hello, this is the clinic. How can I help?",
    "hours": "We open at eight and close at six.",
}


def answer(utterance: str) -> str:
    return ANSWERS.get(utterance, "Let me put you through to a person.")


async def call(
    utterances: list[str],
    tts: Callable[[str], list[bytes]],
    show: Callable[[str, str], object],
) -> str:
    async def synth(text: str) -> AsyncIterator[bytes]:
        for chunk in tts(text):
            yield chunk
            await asyncio.sleep(0)

    async with httpx.AsyncClient(timeout=20) as client:
        api = FaceAPI(client)
        session = await api.open()
        show(session.url, session.access_token)
        stream = AvatarStream(session)
        await stream.connect()
        try:
            for i, utterance in enumerate(utterances):
                await stream.listen()
                await stream.say(answer(utterance), synth)
                if i == 0:
                    await stream.barge_in()
                await stream.keep_alive()
            await asyncio.sleep(0.3)
        finally:
            await stream.close()
            await api.close(session)
        return session.session_id
