"""Stand-in for the streaming LLM used in the demo (no network)."""
import asyncio

_ANSWER = (
    "The museum opened in 1902. "
    "Its east wing holds the bronze age collection! "
    "Guided tours start every hour"
)


async def stream_answer(prompt: str):
    for word in _ANSWER.split(" "):
        await asyncio.sleep(0)
        yield word + " "
