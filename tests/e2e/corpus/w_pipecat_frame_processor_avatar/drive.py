"""The kiosk page: the pipeline greets, the visitor barges in, the avatar answers, the visitor leaves."""

import asyncio

import aiohttp
import bot
import e2e_support
from pipecat.frames.frames import EndFrame, StartFrame, TTSSpeakFrame, UserStartedSpeakingFrame

joined = []


def web_client(message: dict) -> None:
    """the page's avatar element joins the room the bot announces"""
    if message.get("type") == "avatar-room":
        e2e_support.viewer.join(message["url"], message["token"])
        joined.append(message["url"])


async def main() -> None:
    async with aiohttp.ClientSession() as session:
        task = bot.create_task(session, send_to_client=web_client)
        await task.queue_frames(
            [
                StartFrame(),
                TTSSpeakFrame("Welcome to the lobby, I am the concierge."),
                UserStartedSpeakingFrame(),
                TTSSpeakFrame("Of course, the elevators are to your left."),
                EndFrame(),
            ]
        )
        await task.run()


asyncio.run(main())
assert joined
