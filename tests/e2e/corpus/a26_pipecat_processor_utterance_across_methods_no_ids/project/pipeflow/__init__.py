"""Frames and a processor base, the way pipecat shapes them."""
from dataclasses import dataclass


class Frame:
    pass


class StartFrame(Frame):
    pass


class EndFrame(Frame):
    pass


@dataclass
class TTSAudioRawFrame(Frame):
    audio: bytes


class TTSStoppedFrame(Frame):
    pass


class BotInterruptionFrame(Frame):
    pass


@dataclass
class RoomFrame(Frame):
    url: str
    token: str


class FrameProcessor:
    def __init__(self):
        self.downstream = []

    async def push_frame(self, frame):
        self.downstream.append(frame)

    async def process_frame(self, frame):
        await self.push_frame(frame)
