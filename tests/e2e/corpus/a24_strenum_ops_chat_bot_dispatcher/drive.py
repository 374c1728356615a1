"""A short stream: chat messages, some of them commands; the stream overlay joins."""

import asyncio

import e2e_support
from streambot.bot import run_stream

chat = [
    "hello everyone",
    "!say Thanks for the follow, Sam!",
    "!skip",
    "lol",
    "!ping",
    "!say Next game starts in two minutes.",
]
assert asyncio.run(run_stream(chat, e2e_support.viewer.join)) == 4
