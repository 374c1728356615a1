"""A patient checks in at the kiosk; the assistant's tool calls run in order."""

import asyncio

import e2e_support
from clinic.front_desk import DESK
from clinic.tools import CHECKED_IN, assistant, executor

CALLS = [
    {"name": "say", "arguments": {"sentence": "Hello, welcome to Riverside Clinic."}},
    {"name": "check_in", "arguments": {"patient": "Sam Lee"}},
    {"name": "answer", "arguments": {"question": "How long is the wait today?"}},
    {"name": "say", "arguments": {"sentence": "Please take a seat, we'll call you shortly."}},
]


async def main() -> None:
    assert set(assistant.llm_tools) == {"say", "answer", "check_in"}
    e2e_support.viewer.join(*await DESK.open(ping_every=3600))
    for call in CALLS:
        await executor.a_execute_function(call)
    assert CHECKED_IN == ["Sam Lee"]
    await DESK.close()


asyncio.run(main())
