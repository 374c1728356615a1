"""A support conversation: the widget joins the room, the agent greets, answers, closes."""

import asyncio

import e2e_support
from support_agent import SupportAgent


async def conversation() -> None:
    agent = SupportAgent()
    room = await agent.start()
    e2e_support.viewer.join(room["server_url"], room["token"])  # the support widget
    await agent.greet()
    await agent.handle_user_turn("My order has not arrived yet.")
    await agent.handle_user_turn("Can I change the delivery address?", barge_in=True)
    await agent.ping()
    await agent.stop()
    assert agent.session is None
    assert [who for who, _ in agent.transcript] == ["agent", "user", "agent", "user", "agent"]


asyncio.run(conversation())
