"""The split-screen page: both rooms are shown before the debate starts."""

import asyncio

import debate
import e2e_support

SCRIPT = [
    ("pro", "Remote work makes teams more productive."),
    ("con", "Remote work makes collaboration harder."),
    ("pro", "Async communication scales better."),
]


async def main() -> None:
    async with debate.Debate.from_env() as d:
        for room in d.rooms().values():
            e2e_support.viewer.join(room["url"], room["token"])
        await d.run(SCRIPT)


asyncio.run(main())
