"""The stream opens, the host reads three cues, the stream ends."""

import asyncio

import e2e_support
from stagehost.host import StageHost

spoken = []


async def on_ready(session):
    e2e_support.viewer.join(session["url"], session["access_token"])


async def on_line_spoken(line):
    spoken.append(line)


async def main() -> None:
    host = StageHost(on_ready, on_line_spoken)
    await host.go_live()
    for line in (
        "Good evening and welcome!",
        "Our first speaker is Dr. Rao.",
        "Please silence your phones.",
    ):
        host.cue(line)
    await host.aclose()
    assert len(spoken) == 3, spoken


asyncio.run(main())
