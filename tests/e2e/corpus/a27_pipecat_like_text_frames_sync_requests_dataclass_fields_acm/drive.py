"""Frames flow through the pipeline: a greeting, an LLM answer, an interruption."""

import asyncio

import e2e_support
from bot.pipeline import avatar_pipeline
from framekit import InterruptionFrame, LLMTextFrame, TextFrame


async def main() -> None:
    async with avatar_pipeline(on_room=e2e_support.viewer.join) as pipeline:
        await pipeline.queue_frame(TextFrame("Hello, I'm your onboarding buddy."))
        await pipeline.queue_frame(LLMTextFrame("How do I reset my password?"))
        await pipeline.queue_frame(InterruptionFrame())
        await pipeline.queue_frame(TextFrame("Sorry, go ahead."))


asyncio.run(main())
