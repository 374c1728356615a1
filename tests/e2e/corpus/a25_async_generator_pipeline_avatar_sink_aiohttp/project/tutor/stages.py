"""Pipeline stages of the language tutor."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AsyncIterator

import aiohttp

from flowbits import EndFrame, Frame, InterruptFrame, LLMTokenFrame, StartFrame, TextFrame

from .constants import AVATAR_ID, HEADERS, INTERRUPT_URL, NEW_URL, START_URL, STOP_URL, TASK_URL

_SENTENCE_END = re.compile(r"[.!?]\s*$")


@dataclass
class RoomFrame(Frame):
    url: str
    token: str


@dataclass
class SpokenFrame(Frame):
    text: str


class ScriptedLLM:
    """Stands in for the model in demos: streams canned answers token by token."""

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers

    async def __call__(self, frames: AsyncIterator[Frame]) -> AsyncIterator[Frame]:
        async for frame in frames:
            if isinstance(frame, TextFrame) and frame.text in self.answers:
                for token in self.answers[frame.text].split(" "):
                    yield LLMTokenFrame(token + " ")
            else:
                yield frame


class SentenceAggregator:
    async def __call__(self, frames: AsyncIterator[Frame]) -> AsyncIterator[Frame]:
        buffer = ""
        async for frame in frames:
            if isinstance(frame, LLMTokenFrame):
                buffer += frame.token
                if _SENTENCE_END.search(buffer):
                    yield TextFrame(buffer.strip())
                    buffer = ""
            else:
                if isinstance(frame, InterruptFrame):
                    buffer = ""
                yield frame


class AvatarSink:
    def __init__(self, avatar_id: str = AVATAR_ID) -> None:
        self.avatar_id = avatar_id
        self._http: aiohttp.ClientSession | None = None
        self._session_id: str | None = None

    async def _start(self) -> RoomFrame:
        self._http = aiohttp.ClientSession(headers=HEADERS)
        async with self._http.post(NEW_URL, json={"avatar_id": self.avatar_id, "version": "v2", "quality": "medium"}) as r:
            r.raise_for_status()
            info = (await r.json())["data"]
        self._session_id = info["session_id"]
        async with self._http.post(START_URL, json={"session_id": self._session_id}) as r:
            r.raise_for_status()
        return RoomFrame(url=info["url"], token=info["access_token"])

    async def _speak(self, text: str) -> None:
        assert self._http is not None
        async with self._http.post(TASK_URL, json={"session_id": self._session_id, "text": text}) as r:
            r.raise_for_status()

    async def _interrupt(self) -> None:
        assert self._http is not None
        async with self._http.post(INTERRUPT_URL, json={"session_id": self._session_id}) as r:
            r.raise_for_status()

    async def _stop(self) -> None:
        if self._http is None:
            return
        try:
            async with self._http.post(STOP_URL, json={"session_id": self._session_id}) as r:
                r.raise_for_status()
        finally:
            await self._http.close()
            self._http = None

    async def __call__(self, frames: AsyncIterator[Frame]) -> AsyncIterator[Frame]:
        async for frame in frames:
            if isinstance(frame, StartFrame):
                yield frame
                yield await self._start()
            elif isinstance(frame, TextFrame):
                await self._speak(frame.text)
                yield SpokenFrame(frame.text)
            elif isinstance(frame, InterruptFrame):
                await self._interrupt()
                yield frame
            elif isinstance(frame, EndFrame):
                await self._stop()
                yield frame
            else:
                yield frame


class BrowserTransport:
    """Forwards the room to the browser over the page's socket (here: a callback)."""

    def __init__(self, send_to_browser) -> None:
        self.send_to_browser = send_to_browser

    async def __call__(self, frames: AsyncIterator[Frame]) -> AsyncIterator[Frame]:
        async for frame in frames:
            if isinstance(frame, RoomFrame):
                self.send_to_browser({"type": "avatar-room", "url": frame.url, "token": frame.token})
            yield frame
