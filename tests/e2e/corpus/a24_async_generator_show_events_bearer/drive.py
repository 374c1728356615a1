"""The stage display follows the show's events; the screen joins when the show is ready."""

import asyncio
import contextlib

import e2e_support
from showrunner.show import run_show


async def main() -> list[str]:
    kinds = []
    script = ["Ladies and gentlemen!", "<cut>", "Tonight, a story.", "The end."]
    async with contextlib.aclosing(run_show(script)) as events:
        async for event in events:
            kinds.append(event.kind)
            if event.kind == "ready":
                e2e_support.viewer.join(event.payload["url"], event.payload["token"])
    return kinds


assert asyncio.run(main()) == ["ready", "spoke", "cut", "spoke", "spoke", "done"]
