"""The docent agent's scripted run: async open, narration from a worker thread, async close."""

import asyncio
import os

import e2e_support
from docent.heygen_tools import TOOLS


async def main() -> None:
    opened = await TOOLS["open_avatar"].acall(avatar_id=os.environ["DOCENT_AVATAR"])
    room = opened.raw_output
    e2e_support.viewer.join(room["url"], room["token"])
    said = await asyncio.to_thread(
        TOOLS["narrate"].call, session_id=room["session_id"], text="This is Vermeer's Milkmaid."
    )
    assert said.raw_output == "ok"
    said = await TOOLS["narrate"].acall(
        session_id=room["session_id"], text="Notice the light from the window."
    )
    assert said.raw_output == "ok"
    closed = await TOOLS["close_avatar"].acall(session_id=room["session_id"])
    assert closed.raw_output == "closed"


asyncio.run(main())
