import asyncio
import logging

import aiohttp

from .heygen_avatar import make_avatar
from .pipeline import VoicePipeline

log = logging.getLogger("voicebot")


async def run_call(transcripts, tts, on_ready=None):
    """One call: start the face, answer each transcript, hang up."""
    async with aiohttp.ClientSession() as http:
        avatar = make_avatar(http)
        await avatar.start()
        if on_ready and avatar.room_url:
            on_ready(avatar.room_url, avatar.room_token)
        pipeline = VoicePipeline(avatar, tts)
        replies = []
        try:
            for item in transcripts:
                if item is None:
                    await pipeline.on_user_silence()
                    continue
                replies.append(await pipeline.on_user_text(item))
                await asyncio.sleep(0)
        finally:
            await avatar.stop()
        return replies
