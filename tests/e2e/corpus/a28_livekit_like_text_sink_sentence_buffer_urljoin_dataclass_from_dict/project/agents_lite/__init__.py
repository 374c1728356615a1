"""The bits of a livekit-agents-like framework this project needs (kept in-tree for tests)."""

import asyncio

import aiohttp


class JobContext:
    def __init__(self, room_name):
        self.room_name = room_name
        self._http = None
        self._shutdown_callbacks = []

    def http_session(self):
        if self._http is None:
            self._http = aiohttp.ClientSession()
        return self._http

    def add_shutdown_callback(self, cb):
        self._shutdown_callbacks.append(cb)

    async def shutdown(self):
        for cb in reversed(self._shutdown_callbacks):
            await cb()
        if self._http is not None:
            await self._http.close()


class TextSink:
    async def capture_text(self, text):
        raise NotImplementedError

    async def flush(self):
        raise NotImplementedError

    def clear_buffer(self):
        pass


class AgentSession:
    """Streams a canned LLM reply into whatever text sink is attached."""

    def __init__(self):
        self.output = None

    async def generate_reply(self, reply, chunk=7):
        for i in range(0, len(reply), chunk):
            await self.output.capture_text(reply[i : i + chunk])
            await asyncio.sleep(0)
        await self.output.flush()

    def interrupt(self):
        self.output.clear_buffer()
