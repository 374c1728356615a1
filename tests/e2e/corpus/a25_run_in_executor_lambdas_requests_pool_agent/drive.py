"""The lane controller: a car arrives, orders, interrupts, and leaves."""

import asyncio

import e2e_support
from menuboard.agent import MenuBoardAgent
from menuboard.config import MenuBoardConfig


async def on_room(room: dict) -> None:
    e2e_support.viewer.join(room["room"], room["jwt"])


async def main() -> None:
    agent = MenuBoardAgent(MenuBoardConfig.load())
    await agent.open_lane(on_room)
    await agent.read_back(["a veggie burger", "small fries"])
    await agent.barge_in()
    await agent.read_back(["a veggie burger", "large fries"])
    await agent.close_lane()
    assert agent.session_id is None


asyncio.run(main())
