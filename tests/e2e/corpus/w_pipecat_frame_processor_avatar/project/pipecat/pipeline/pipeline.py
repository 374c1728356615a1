"""Offline stand-in for pipecat.pipeline: processors linked in a row, frames fed in order."""
from typing import List

from pipecat.frames.frames import EndFrame, Frame
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor


class Pipeline(FrameProcessor):
    def __init__(self, processors: List[FrameProcessor]):
        super().__init__()
        self.processors = processors
        for a, b in zip(processors, processors[1:]):
            a.link(b)

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await self.processors[0].process_frame(frame, direction)


class PipelineTask:
    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline
        self._frames: List[Frame] = []

    async def queue_frames(self, frames: List[Frame]) -> None:
        self._frames.extend(frames)

    async def run(self) -> None:
        while self._frames:
            frame = self._frames.pop(0)
            await self.pipeline.process_frame(frame, FrameDirection.DOWNSTREAM)
            if isinstance(frame, EndFrame):
                break
