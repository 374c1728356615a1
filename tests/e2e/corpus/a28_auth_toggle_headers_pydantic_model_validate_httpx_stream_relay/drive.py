"""The overlay relays one streamed LLM answer, pings once, relays a short one, ends."""

import asyncio

import e2e_support
from streamer.relay import OverlayRelay


async def llm(text):
    for i in range(0, len(text), 5):
        yield text[i : i + 5]
        await asyncio.sleep(0)


async def main() -> None:
    overlay = OverlayRelay(ping_every=3600)
    session = await overlay.start()
    e2e_support.viewer.join(session.url, session.access_token)
    assert await overlay.relay(llm("GG everyone! That clutch was unreal. Next match in five.")) == 3
    await overlay.api.keep_alive(session.session_id)
    assert await overlay.relay(llm("Thanks for the raid")) == 1
    await overlay.finish()


asyncio.run(main())
