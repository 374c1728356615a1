import asyncio

import e2e_support
from event_host import EventHost


async def main():
    async with EventHost() as host:
        clip = await host.render_recap("What a year it was.")
        assert clip.endswith(".mp4")
        url, token = await host.go_live()
        await asyncio.to_thread(e2e_support.viewer.join, url, token)
        await host.run_sheet(["Welcome everyone.", "Our first speaker is on stage now."])


asyncio.run(main())
