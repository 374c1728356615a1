import asyncio
import logging
import os
from types import SimpleNamespace
from typing import ClassVar

import httpx

log = logging.getLogger(__name__)


class Greeter:
    _client: ClassVar[httpx.AsyncClient | None] = None
    RETRIES = 3

    def __init__(self):
        self.session = None
        self.queue: asyncio.Queue[str | None] = asyncio.Queue()

    @classmethod
    async def client(cls) -> httpx.AsyncClient:
        if cls._client is None or cls._client.is_closed:
            cls._client = httpx.AsyncClient(
                base_url="https://api.heygen.com",
                headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
                timeout=20.0,
            )
        return cls._client

    async def _call(self, endpoint: str, payload: dict) -> dict:
        client = await self.client()
        request = client.build_request("POST", f"/v1/{endpoint}", json=payload)
        for attempt in range(1, self.RETRIES + 1):
            try:
                response = await client.send(request)
                break
            except httpx.TransportError as exc:
                if attempt == self.RETRIES:
                    raise
                log.warning("%s failed (%s), retrying", endpoint, exc)
                await asyncio.sleep(0.2 * attempt)
        response.raise_for_status()
        return response.json()

    async def start(self) -> SimpleNamespace:
        body = await self._call(
            "streaming.new",
            {"avatar_id": os.getenv("LOBBY_AVATAR", "Wayne_20240711"), "quality": "medium", "version": "v2"},
        )
        self.session = SimpleNamespace(**body["data"])
        await self._call("streaming.start", {"session_id": self.session.session_id})
        log.info("greeter live: %s", self.session.session_id)
        return self.session

    async def _badge_reader(self, names):
        for name in names:
            await self.queue.put(name)
        await self.queue.put(None)

    async def _greet(self):
        while (name := await self.queue.get()) is not None:
            await self._call(
                "streaming.task",
                {"session_id": self.session.session_id, "text": f"Good morning {name}, welcome in!", "task_type": "repeat"},
            )

    async def greet_badges(self, names):
        reader = asyncio.create_task(self._badge_reader(names))
        await self._greet()
        await reader

    async def shutdown(self):
        if self.session is not None:
            await self._call("streaming.stop", {"session_id": self.session.session_id})
            self.session = None
        client = await self.client()
        await client.aclose()
