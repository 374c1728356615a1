"""Just enough of a frame pipeline (pipecat-like) for the bot."""

import enum
from dataclasses import dataclass, field


class FrameDirection(enum.Enum):
    DOWNSTREAM = 1
    UPSTREAM = 2


@dataclass
class Frame:
    name: str = field(default="", init=False)


@dataclass
class TextFrame(Frame):
    text: str = ""


@dataclass
class LLMTextFrame(TextFrame):
    pass


@dataclass
class InterruptionFrame(Frame):
    pass


@dataclass
class StartFrame(Frame):
    pass


@dataclass
class EndFrame(Frame):
    pass


class FrameProcessor:
    def __init__(self, name=None):
        self.name = name or type(self).__name__
        self._next = None

    def link(self, other):
        self._next = other
        return other

    async def process_frame(self, frame, direction):
        pass

    async def push_frame(self, frame, direction=FrameDirection.DOWNSTREAM):
        if self._next is not None:
            await self._next.process_frame(frame, direction)


class Pipeline:
    def __init__(self, processors):
        self.processors = processors
        for a, b in zip(processors, processors[1:]):
            a.link(b)

    async def queue_frame(self, frame):
        await self.processors[0].process_frame(frame, FrameDirection.DOWNSTREAM)
