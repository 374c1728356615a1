import asyncio

import e2e_support
from relay import BARGE_IN, END, AvatarRelay


async def main():
    relay = AvatarRelay()
    room = await relay.start()
    e2e_support.viewer.join(room["url"], room["access_token"])
    pump = asyncio.create_task(relay.pump())
    # the voice bot's TTS: two utterances of a few frames each
    for seed in (1, 2, 3):
        relay.inbox.put_nowait(e2e_support.audio_chunk(400, seed=seed))
    relay.inbox.put_nowait(END)
    await relay.inbox.join()
    await relay.heartbeat()
    relay.inbox.put_nowait(e2e_support.audio_chunk(700, seed=4))
    relay.inbox.put_nowait(END)
    await relay.inbox.join()
    relay.inbox.put_nowait(BARGE_IN)
    relay.inbox.put_nowait(None)
    await pump
    await asyncio.sleep(0.3)
    await relay.stop()


asyncio.run(main())
