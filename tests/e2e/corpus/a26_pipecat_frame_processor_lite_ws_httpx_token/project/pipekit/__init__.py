"""A minimal frame pipeline in the style of pipecat (enough for our avatar service)."""
from __future__ import annotations

import enum
from dataclasses import dataclass


class FrameDirection(enum.Enum):
    DOWNSTREAM = 1
    UPSTREAM = 2


class Frame:
    pass


class StartFrame(Frame):
    pass


class EndFrame(Frame):
    pass


class TTSStartedFrame(Frame):
    pass


class TTSStoppedFrame(Frame):
    pass


@dataclass
class TTSAudioRawFrame(Frame):
    audio: bytes
    sample_rate: int = 24000
    num_channels: int = 1


class UserStartedSpeakingFrame(Frame):
    pass


class HeartbeatFrame(Frame):
    pass


class FrameProcessor:
    def __init__(self) -> None:
        self._next: FrameProcessor | None = None
        self.collected: list[Frame] = []

    def link(self, nxt: "FrameProcessor") -> "FrameProcessor":
        self._next = nxt
        return nxt

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await self.push_frame(frame, direction)

    async def push_frame(self, frame: Frame, direction: FrameDirection = FrameDirection.DOWNSTREAM) -> None:
        if self._next is not None:
            await self._next.process_frame(frame, direction)
        else:
            self.collected.append(frame)
