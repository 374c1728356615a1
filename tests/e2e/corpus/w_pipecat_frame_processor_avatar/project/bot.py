"""Kiosk bot: a pipeline whose only "speaker" is the HeyGen avatar.

    python bot.py "Welcome to the lobby!" "Ask me anything."
"""
import asyncio
import os
import sys

import aiohttp
from dotenv import load_dotenv

from avatar_service import AvatarVideoService
from pipecat.frames.frames import EndFrame, Frame, OutputTransportMessageFrame, StartFrame, TTSSpeakFrame
from pipecat.pipeline.pipeline import Pipeline, PipelineTask
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

load_dotenv(override=True)


class ClientMessenger(FrameProcessor):
    """Last processor: forwards transport messages to the web client (a callback here)."""

    def __init__(self, send):
        super().__init__()
        self._send = send

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)
        if isinstance(frame, OutputTransportMessageFrame):
            self._send(frame.message)
        else:
            await self.push_frame(frame, direction)


def create_task(session: aiohttp.ClientSession, send_to_client) -> PipelineTask:
    avatar = AvatarVideoService(
        api_key=os.getenv("HEYGEN_API_KEY"),
        session=session,
        avatar_id=os.getenv("HEYGEN_AVATAR_ID", "Santa_Fireplace_Front_public"),
        quality="low",
    )
    pipeline = Pipeline([avatar, ClientMessenger(send_to_client)])
    return PipelineTask(pipeline)


async def main(lines):
    async with aiohttp.ClientSession() as session:
        task = create_task(session, send_to_client=print)
        await task.queue_frames([StartFrame(), *[TTSSpeakFrame(line) for line in lines], EndFrame()])
        await task.run()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:] or ["Hello there!"]))
