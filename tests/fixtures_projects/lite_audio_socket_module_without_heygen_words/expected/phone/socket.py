"""Nothing of the old vendor here: the messages are those LiveAvatar's LITE socket speaks too."""

import base64
import json
import uuid

import websockets


async def speak(endpoint, chunks):
    async with websockets.connect(endpoint) as ws:
        event_id = uuid.uuid4().hex
        for chunk in chunks:
            await ws.send(json.dumps({"type": "agent.speak", "event_id": event_id, "audio": base64.b64encode(chunk).decode()}))
        await ws.send(json.dumps({"type": "agent.speak_end", "event_id": event_id}))
