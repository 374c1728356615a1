from __future__ import annotations

import asyncio
import re
from typing import Awaitable, Callable

from .sink import INTERRUPT, avatar_sink

ANSWERS = {
    "mona lisa": "The Mona Lisa was painted by Leonardo. It hangs in the Louvre.",
    "sunflowers": "Van Gogh painted several Sunflowers. This one dates from 1888.",
}


async def scripted_llm(questions: asyncio.Queue, sentences: asyncio.Queue) -> None:
    while (question := await questions.get()) is not None:
        if question == INTERRUPT:
            await sentences.put(INTERRUPT)
            continue
        for sentence in re.split(r"(?<=\.)\s+", ANSWERS.get(question, "I do not know that one.")):
            await sentences.put(sentence)
    await sentences.put(None)


async def run_tour(questions: list[str], show: Callable[[str, str], Awaitable[None]]) -> int:
    inbox: asyncio.Queue = asyncio.Queue()
    sentences: asyncio.Queue = asyncio.Queue()
    room: asyncio.Future = asyncio.get_running_loop().create_future()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(scripted_llm(inbox, sentences))
        sink = tg.create_task(avatar_sink(sentences, room))
        url, token = await room
        await show(url, token)
        for question in questions:
            await inbox.put(question)
        await inbox.put(None)
    return sink.result()
