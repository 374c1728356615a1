"""An offline stand-in for `openai.AsyncOpenAI().chat.completions.create(stream=True)`."""
import asyncio
from types import SimpleNamespace

CANNED = {
    "hello": "Hi there! I am your shopping assistant. What are you looking for today?",
    "shoes": "We have running shoes on sale. The blue ones are very popular! Want to see them?",
}


def _chunk(text):
    return SimpleNamespace(choices=[SimpleNamespace(delta=SimpleNamespace(content=text))])


async def stream_completion(prompt: str):
    answer = CANNED.get(prompt.lower().strip("?!. "), "Sorry, I did not get that.")
    for i in range(0, len(answer), 7):
        await asyncio.sleep(0)
        yield _chunk(answer[i : i + 7])
    yield _chunk(None)
