"""The widget's page calls the Quart routes, joins the room, and the user chats."""

import app
import e2e_support
import miniquart


async def main():
    client = app.app.test_client()
    res = await client.post("/api/session", json={})
    assert "sessionId" in res, res
    e2e_support.viewer.join(res["serverUrl"], res["accessToken"])
    sid = res["sessionId"]
    assert (
        await client.post(
            "/api/repeat", json={"sessionId": sid, "text": "Hi, I am the widget avatar."}
        )
    )["ok"]
    assert (
        await client.post(
            "/api/talk", json={"sessionId": sid, "text": "What are your opening hours?"}
        )
    )["ok"]
    assert (await client.post("/api/interrupt", json={"sessionId": sid}))["ok"]
    assert (await client.post("/api/close", json={"sessionId": sid}))["ok"]
    assert app.sessions == {}


miniquart.run(main())
