"""Tiny offline stand-in for the parts of chainlit this app uses."""
import asyncio

_handlers = {}
sent = []
_frontend = []


class _UserSession:
    def __init__(self):
        self._data = {}

    def set(self, key, value):
        self._data[key] = value

    def get(self, key, default=None):
        return self._data.get(key, default)


user_session = _UserSession()


class Message:
    def __init__(self, content="", author="assistant"):
        self.content = content
        self.author = author

    async def send(self):
        sent.append(self.content)
        for show in _frontend:
            show(self)
        return self


def _register(name):
    def deco(fn):
        _handlers[name] = fn
        return fn

    return deco


on_chat_start = _register("start")
on_message = _register("message")
on_chat_end = _register("end")


def simulate(messages, frontend=None):
    """what `chainlit run app.py` + one browser tab would do; `frontend` sees every message"""
    if frontend is not None:
        _frontend.append(frontend)

    async def run():
        await _handlers["start"]()
        for text in messages:
            await _handlers["message"](Message(content=text, author="user"))
        await _handlers["end"]()

    asyncio.run(run())
