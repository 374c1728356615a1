"""Frames and a pipeline of async-generator stages (our in-house take on Pipecat's model)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import AsyncIterator, Callable, Iterable


@dataclass
class Frame:
    pass


@dataclass
class StartFrame(Frame):
    pass


@dataclass
class EndFrame(Frame):
    pass


@dataclass
class TextFrame(Frame):
    text: str


@dataclass
class LLMTokenFrame(Frame):
    token: str


@dataclass
class InterruptFrame(Frame):
    pass


Stage = Callable[[AsyncIterator[Frame]], AsyncIterator[Frame]]


class Pipeline:
    def __init__(self, stages: list[Stage]) -> None:
        self.stages = stages

    async def run(self, source: Iterable[Frame]) -> list[Frame]:
        async def feed() -> AsyncIterator[Frame]:
            for frame in source:
                yield frame

        stream: AsyncIterator[Frame] = feed()
        for stage in self.stages:
            stream = stage(stream)
        return [frame async for frame in stream]
