import json


class StopConsumer(Exception):
    pass


class AsyncWebsocketConsumer:
    """One instance per WebSocket connection; `self.scope` describes it."""

    def __init__(self, scope=None):
        self.scope = scope or {}
        self._outbox = None
        self.accepted = False
        self.closed = None

    async def accept(self):
        self.accepted = True

    async def close(self, code=None):
        self.closed = code or 1000

    async def send(self, text_data=None, bytes_data=None):
        await self._outbox.put(text_data if text_data is not None else bytes_data)

    async def connect(self):
        await self.accept()

    async def receive(self, text_data=None, bytes_data=None):
        pass

    async def disconnect(self, code):
        pass

    @classmethod
    def as_asgi(cls):
        return cls


class AsyncJsonWebsocketConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        await self.receive_json(json.loads(text_data))

    async def receive_json(self, content):
        pass

    async def send_json(self, content, close=False):
        await self.send(text_data=json.dumps(content))
        if close:
            await self.close()
