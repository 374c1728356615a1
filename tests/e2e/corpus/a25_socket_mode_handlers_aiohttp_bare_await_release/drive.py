"""The workspace: start the stand-up, open the posted link, post updates, end it."""

import asyncio

import e2e_support
from standup.bot import app


async def main() -> None:
    await app.start()
    await app.dispatch_command("/standup", "start")
    link = app.posted[-1].removeprefix("join: ")
    url, token = link.split("?t=", 1)
    e2e_support.viewer.join(url, token)
    await app.dispatch_event("app_mention", {"user": "maria", "text": "shipped the billing fix"})
    await app.dispatch_event("app_mention", {"user": "li", "text": "reviewing the search PR"})
    await app.dispatch_command("/standup", "end")
    assert app.posted[-1] == "stand-up closed"
    await app.stop()


asyncio.run(main())
