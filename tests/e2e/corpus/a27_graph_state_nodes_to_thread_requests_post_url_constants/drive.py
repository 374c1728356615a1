"""One conversation through the graph: connect, greet, answer a question, hang up."""

import asyncio

import e2e_support
from graphbot.graph import build_graph, open_avatar


async def main() -> None:
    graph = build_graph()
    state = await open_avatar()
    e2e_support.viewer.join(state["avatar"]["url"], state["avatar"]["access_token"])
    final = await graph.ainvoke(
        {
            **state,
            "messages": [
                {"role": "assistant", "content": "Hello, this is Nova from your bank."},
                {"role": "user", "content": "What is my card limit?"},
            ],
        }
    )
    assert final["route"] == "done", final["route"]


asyncio.run(main())
