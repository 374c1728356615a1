import os

from .console_backend import ConsoleBackend
from .heygen_backend import HeyGenBackend
from .kv import kv

BACKENDS = {"heygen": HeyGenBackend, "console": ConsoleBackend}


def backend():
    return BACKENDS[os.getenv("AVATAR_PROVIDER", "heygen")]()


def fake_llm(question):
    """stand-in for openai.chat.completions.create(...) in tests"""
    return f"Good question about {question.rstrip('?').lower()}. Let me explain."


class HostService:
    def __init__(self):
        self.b = backend()

    def open_room(self, room):
        s = self.b.create(os.environ["HOST_AVATAR"])
        kv.hset(f"room:{room}", mapping=s)
        return s

    def answer(self, room, question):
        s = kv.hgetall(f"room:{room}")
        text = fake_llm(question)
        self.b.say(s["session_id"], text)
        return text

    def sweep(self):
        alive = 0
        for key in kv.keys("room:*"):
            if self.b.ping(kv.hgetall(key)["session_id"]):
                alive += 1
        return alive

    def close_room(self, room):
        s = kv.hgetall(f"room:{room}")
        if s:
            self.b.close(s["session_id"])
            kv.delete(f"room:{room}")
