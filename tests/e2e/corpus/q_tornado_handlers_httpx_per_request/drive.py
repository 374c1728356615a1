"""The browser frontend of two users calls the handlers (in process, as the app's tests do)."""

import asyncio
import json

import e2e_support
import server


async def call(user: str, path: str, body: dict | None = None) -> dict:
    status, payload = await server.app.fetch(
        "POST", path, json.dumps(body or {}).encode(), {"X-User-Id": user}
    )
    assert status == 200, (status, payload)
    return payload


async def main() -> None:
    alice = await call("alice", "/avatar/start")
    e2e_support.viewer.join(alice["livekit_url"], alice["livekit_token"])
    await call("alice", "/avatar/say", {"text": "Hi Alice, welcome back."})
    bob = await call("bob", "/avatar/start")
    e2e_support.viewer.join(bob["livekit_url"], bob["livekit_token"])
    await call("bob", "/avatar/say", {"text": "What are your opening hours?", "mode": "talk"})
    await call("alice", "/avatar/interrupt")
    await call("bob", "/avatar/ping")
    await call("alice", "/avatar/stop")
    await call("bob", "/avatar/stop")


asyncio.run(main())
