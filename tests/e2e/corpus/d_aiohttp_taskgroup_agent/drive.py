"""The agent process handling one batch of chat messages."""

import asyncio

import e2e_support
from agent.runner import run_agent

asyncio.run(
    run_agent(
        ["Thanks for joining the stream.", "What is on the agenda today?", "Let's get started."],
        on_room=e2e_support.viewer.join,
    )
)
