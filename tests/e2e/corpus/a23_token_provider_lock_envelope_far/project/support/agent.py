"""Support agent service: lifecycle hooks, a bounded question queue, the avatar answers."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import aiohttp

from .client import StreamingClient
from .room import ViewerConfig, viewer_config
from .tokens import TokenProvider

log = logging.getLogger("support.agent")


class SupportAgent:
    """One avatar session per agent; questions are answered one at a time."""

    def __init__(self, publish: Callable[[ViewerConfig], object]) -> None:
        self.publish = publish
        self._http: aiohttp.ClientSession | None = None
        self._client: StreamingClient | None = None
        self._session_id: str | None = None
        self._one_at_a_time = asyncio.Semaphore(1)

    async def on_start(self) -> None:
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        self._client = StreamingClient(self._http, TokenProvider(self._http))
        opened = await self._client.new_session()
        config = viewer_config(opened)
        self._session_id = config["sessionId"]
        await self._client.start(self._session_id)
        self.publish(config)

    async def on_question(self, question: str) -> None:
        assert self._client is not None and self._session_id is not None
        async with self._one_at_a_time:
            result = await self._client.ask(self._session_id, question)
            log.info("asked %r: %s", question, result.get("message"))

    async def on_stop(self) -> None:
        try:
            if self._client is not None and self._session_id is not None:
                await self._client.stop(self._session_id)
        finally:
            if self._http is not None:
                await self._http.close()


async def run_shift(questions: list[str], publish: Callable[[ViewerConfig], object]) -> None:
    agent = SupportAgent(publish)
    await agent.on_start()
    try:
        for question in questions:
            await agent.on_question(question)
    finally:
        await agent.on_stop()
