from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import re
from urllib.parse import urljoin

import aiohttp

from agents_lite import AgentSession, JobContext, TextSink

logger = logging.getLogger("heygen-plugin")

DEFAULT_API_URL = "https://api.heygen.com/v1/"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class HeyGenException(Exception):
    pass


@dataclasses.dataclass
class SessionInfo:
    session_id: str
    url: str
    access_token: str
    session_duration_limit: int | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "SessionInfo":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


class AvatarSession:
    def __init__(self, *, avatar_id: str | None = None, api_url: str | None = None,
                 api_key: str | None = None, keepalive_interval: float = 60.0) -> None:
        self._avatar_id = avatar_id or os.environ["HEYGEN_AVATAR"]
        self._api_url = api_url or os.getenv("HEYGEN_API_URL", DEFAULT_API_URL)
        self._api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self._keepalive_interval = keepalive_interval
        self._http: aiohttp.ClientSession | None = None
        self._keepalive_task: asyncio.Task | None = None
        self.info: SessionInfo | None = None

    async def _post(self, endpoint: str, body: dict) -> dict:
        async with self._http.post(
            urljoin(self._api_url, endpoint),
            json=body,
            headers={"X-Api-Key": self._api_key},
        ) as resp:
            payload = await resp.json()
            if resp.status >= 400 or payload.get("code") != 100:
                raise HeyGenException(f"{endpoint} failed: {payload}")
            return payload

    async def start(self, agent_session: AgentSession, ctx: JobContext) -> None:
        self._http = ctx.http_session()
        payload = await self._post(
            "streaming.new",
            {"avatar_id": self._avatar_id, "quality": "low", "version": "v2",
             "activity_idle_timeout": 300},
        )
        self.info = SessionInfo.from_dict(payload["data"])
        await self._post("streaming.start", {"session_id": self.info.session_id})
        agent_session.output = HeyGenAvatarSink(self)
        self._keepalive_task = asyncio.create_task(self._keepalive_loop())
        ctx.add_shutdown_callback(self.aclose)
        logger.info("avatar %s started in room %s", self.info.session_id, ctx.room_name)

    async def _keepalive_loop(self) -> None:
        while True:
            await asyncio.sleep(self._keepalive_interval)
            await self.keep_alive()

    async def keep_alive(self) -> None:
        await self._post("streaming.keep_alive", {"session_id": self.info.session_id})

    async def say(self, text: str) -> None:
        await self._post("streaming.task", {"session_id": self.info.session_id, "text": text})

    async def interrupt(self) -> None:
        await self._post("streaming.interrupt", {"session_id": self.info.session_id})

    async def aclose(self) -> None:
        if self._keepalive_task is not None:
            self._keepalive_task.cancel()
            try:
                await self._keepalive_task
            except asyncio.CancelledError:
                pass
            self._keepalive_task = None
        if self.info is not None:
            await self._post("streaming.stop", {"session_id": self.info.session_id})
            self.info = None


class HeyGenAvatarSink(TextSink):
    """Turns streamed LLM text into one avatar utterance per sentence."""

    def __init__(self, avatar: AvatarSession) -> None:
        self._avatar = avatar
        self._buffer = ""
        self.sentences_sent = 0

    async def capture_text(self, text: str) -> None:
        self._buffer += text
        *complete, self._buffer = SENTENCE_END.split(self._buffer)
        for sentence in complete:
            await self._send(sentence)

    async def flush(self) -> None:
        rest, self._buffer = self._buffer.strip(), ""
        if rest:
            await self._send(rest)

    def clear_buffer(self) -> None:
        self._buffer = ""
        asyncio.ensure_future(self._avatar.interrupt())

    async def _send(self, sentence: str) -> None:
        sentence = sentence.strip()
        if sentence:
            await self._avatar.say(sentence)
            self.sentences_sent += 1
