"""The tutor page: receives the avatar room over its socket and joins it, then the lesson runs."""

import asyncio

import e2e_support
from tutor.app import run_lesson


def on_message(message: dict) -> None:
    assert message["type"] == "avatar-room"
    e2e_support.viewer.join(message["url"], message["token"])


spoken = asyncio.run(run_lesson(on_message))
assert spoken == [
    "Hola!",
    "Today we practice greetings.",
    "Repeat after me.",
    "Buenos dias means good morning.",
], spoken
