"""Two students in turn; the agent calls the tools for each."""

import asyncio

import e2e_support
from tutorbot.avatar_tools import TOOLS


async def main() -> None:
    tools = {t.name: t for t in TOOLS}
    for user, line in (
        ("ana", "Hola Ana, let's review verbs."),
        ("ben", "Hi Ben, fractions today."),
    ):
        room = await tools["start_avatar"].acall(user_id=user)
        e2e_support.viewer.join(room["url"], room["token"])
        assert await tools["speak"].acall(user_id=user, text=line) == "ok"
    assert await tools["active_count"].acall() == 2
    assert await tools["stop_avatar"].acall(user_id="ana") == "stopped"
    assert await tools["stop_avatar"].acall(user_id="ben") == "stopped"
    assert await tools["stop_avatar"].acall(user_id="ben") == "no session"


asyncio.run(main())
