"""The broadcast runner: go live, show the anchor on the studio screen, read the rundown."""

import asyncio

import e2e_support
from newsroom.anchor import Anchor, make_client
from newsroom.settings import Settings


async def main() -> None:
    settings = Settings.from_env()
    async with make_client(settings) as client:
        anchor = Anchor(client, settings)
        grant = await anchor.go_live()
        e2e_support.viewer.join(grant.server, grant.token)
        await anchor.read("Good evening. Here are tonight's headlines.")
        await anchor.breaking_news()
        await anchor.read("This just in: the river has crested below flood stage.")
        await anchor.sign_off()
        assert anchor.info is None


asyncio.run(main())
