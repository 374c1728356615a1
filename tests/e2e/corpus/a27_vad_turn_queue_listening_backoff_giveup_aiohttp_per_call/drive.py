"""A caller talks over the avatar once; the agent answers twice."""

import asyncio

import e2e_support
from turns.manager import TurnManager


async def main() -> None:
    manager = TurnManager()
    url, token = await manager.open()
    e2e_support.viewer.join(url, token)
    for event in [
        ("agent_reply", "Thanks for calling, how can I help?"),
        ("user_started", None),
        ("user_stopped", None),
        ("agent_reply", "Sure, your order ships tomorrow."),
        ("hangup", None),
    ]:
        manager.events.put_nowait(event)
    await manager.run()


asyncio.run(main())
