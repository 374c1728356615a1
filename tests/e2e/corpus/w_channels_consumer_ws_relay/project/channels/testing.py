"""`WebsocketCommunicator`, as channels.testing has it (without ASGI underneath)."""
import asyncio
import json


class WebsocketCommunicator:
    def __init__(self, application, path):
        self.consumer = application(scope={"type": "websocket", "path": path, "url_route": {"kwargs": {}}})
        self.consumer._outbox = asyncio.Queue()

    async def connect(self):
        await self.consumer.connect()
        return self.consumer.accepted, None

    async def send_json_to(self, data):
        await self.consumer.receive(text_data=json.dumps(data))

    async def receive_json_from(self, timeout=5):
        return json.loads(await asyncio.wait_for(self.consumer._outbox.get(), timeout))

    async def disconnect(self, code=1000):
        await self.consumer.disconnect(code)
