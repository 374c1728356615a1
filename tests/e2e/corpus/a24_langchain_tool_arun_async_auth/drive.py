"""The concierge agent's scripted run: open the desk, answer, announce, stay awake, close."""

import asyncio

import e2e_support
from frontdesk.tools import TOOLS


async def main() -> None:
    room = await TOOLS["open_front_desk"].ainvoke({})
    e2e_support.viewer.join(room["room_url"], room["room_token"])
    assert await TOOLS["answer_visitor"].ainvoke({"text": "Where is the cafeteria?"}) == "answered"
    assert TOOLS["announce"].invoke("x").startswith("Tool error")  # async-only tool
    assert await TOOLS["announce"].ainvoke('{"text": "The lobby closes at eight."}') == "announced"
    assert TOOLS["stay_awake"].invoke() == "ok"
    assert await TOOLS["close_front_desk"].ainvoke() == "closed"
    assert (
        await TOOLS["answer_visitor"].ainvoke({"text": "Hello?"})
        == "Tool error: the desk is closed"
    )


asyncio.run(main())
