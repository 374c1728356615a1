"""The kiosk frontend calls the Sanic routes and joins the LiveKit room it was given."""

import asyncio

import e2e_support
import server


async def main():
    res = await server.app.dispatch("/session", {})
    assert res["status"] == 200, res
    room = res["body"]["livekit"]
    e2e_support.viewer.join(room["url"], room["token"])
    assert (await server.app.dispatch("/say", {"text": "Good morning!"}))["body"]["task_id"]
    assert (await server.app.dispatch("/ask", {"text": "Where is the cafeteria?"}))["body"][
        "task_id"
    ]
    assert (await server.app.dispatch("/listen"))["body"]["ok"]
    assert (await server.app.dispatch("/close"))["body"]["ok"]


asyncio.run(main())
