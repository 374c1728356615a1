"""The realtime socket, driven inside an asyncio.TaskGroup: a reader and the order flow."""
from __future__ import annotations

import asyncio
import base64
import json
import uuid
from collections.abc import Callable, Sequence

from websockets.asyncio.client import connect

from .session import LiveLink

Tts = Callable[[str], Sequence[bytes]]


async def converse(link: LiveLink, lines: Sequence[str], tts: Tts) -> int:
    spoken = 0
    connected = asyncio.Event()
    async with connect(link.realtime_endpoint) as ws:

        async def reader() -> None:
            async for raw in ws:
                event = json.loads(raw)
                if event.get("type") == "session.state_updated" and event.get("state") == "connected":
                    connected.set()

        async def send(kind: str, **fields: object) -> None:
            await ws.send(json.dumps({"type": kind, **fields}))

        async with asyncio.TaskGroup() as tg:
            read_task = tg.create_task(reader())
            async with asyncio.timeout(10):
                await connected.wait()
            for line in lines:
                event_id = str(uuid.uuid4())
                for pcm in tts(line):
                    await send("agent.speak", audio=base64.b64encode(pcm).decode(), event_id=event_id)
                await send("agent.speak_end", event_id=event_id)
                spoken += 1
                await send("agent.start_listening")  # the customer's turn
                await send("agent.stop_listening")
            await send("session.keep_alive")
            await asyncio.sleep(0.5)  # let the avatar play out the last words before hanging up
            await ws.close()
            await read_task
    return spoken
