"""A tiny stand-in for an agents framework: an event emitter, a session that "speaks" text
through its TTS (emits `speech_created`), and a room that emits `disconnected`."""

import asyncio
import inspect
from collections import defaultdict


class EventEmitter:
    def __init__(self):
        self._handlers = defaultdict(list)

    def on(self, event, callback=None):
        def register(cb):
            self._handlers[event].append(cb)
            return cb

        return register(callback) if callback is not None else register

    def emit(self, event, *args):
        results = []
        for cb in list(self._handlers[event]):
            res = cb(*args)
            if inspect.isawaitable(res):
                results.append(asyncio.ensure_future(res))
        return results


class SpeechHandle:
    def __init__(self, text, source="say"):
        self.text = text
        self.source = source


class AgentSession(EventEmitter):
    def __init__(self, instructions=""):
        super().__init__()
        self.instructions = instructions
        self.output = None

    async def say(self, text):
        self.emit("speech_created", SpeechHandle(text))
        await asyncio.sleep(0)


class Room(EventEmitter):
    def __init__(self, name):
        super().__init__()
        self.name = name
        self.connected = True

    async def disconnect(self):
        self.connected = False
        for fut in self.emit("disconnected", "CLIENT_INITIATED"):
            await fut
