import logging
import os
from contextlib import asynccontextmanager

from framekit import EndFrame, FrameDirection, FrameProcessor, InterruptionFrame, LLMTextFrame, Pipeline, StartFrame, TextFrame

from .heygen_rest import HeyGenRest

log = logging.getLogger(__name__)


class TextCleaner(FrameProcessor):
    async def process_frame(self, frame, direction):
        if isinstance(frame, TextFrame):
            frame.text = " ".join(frame.text.split())
        await self.push_frame(frame, direction)


class HeyGenTextSink(FrameProcessor):
    def __init__(self, rest: HeyGenRest, on_room=None):
        super().__init__()
        self.rest = rest
        self.on_room = on_room
        self.session = None

    async def process_frame(self, frame, direction):
        if isinstance(frame, StartFrame):
            self.session = self.rest.open(os.getenv("BOT_AVATAR", "Anna_public_3_20240108"), os.getenv("BOT_KB"))
            if self.on_room:
                self.on_room(self.session.url, self.session.access_token)
        elif isinstance(frame, LLMTextFrame):
            self.rest.speak(self.session, frame.text, task_type="chat")
        elif isinstance(frame, TextFrame):
            self.rest.speak(self.session, frame.text)
        elif isinstance(frame, InterruptionFrame):
            self.rest.interrupt(self.session)
        elif isinstance(frame, EndFrame):
            if self.session is not None:
                self.rest.close(self.session)
                self.session = None
        await self.push_frame(frame, direction)


@asynccontextmanager
async def avatar_pipeline(on_room=None):
    sink = HeyGenTextSink(HeyGenRest(), on_room=on_room)
    pipeline = Pipeline([TextCleaner(), sink])
    await pipeline.queue_frame(StartFrame())
    try:
        yield pipeline
    finally:
        await pipeline.queue_frame(EndFrame())
        log.info("pipeline closed")
