import os
from collections import namedtuple

from .transport import HeyGenTransport

Stream = namedtuple("Stream", "session_id url access_token")

PERSONAS = {
    "reception": {
        "avatar_id": os.getenv("AVATAR_RECEPTION", "Anna_public_3_20240108"),
        "knowledge_base_id": os.getenv("KB_RECEPTION"),
    },
    "concierge": {
        "avatar_id": os.getenv("AVATAR_CONCIERGE", "Tyler-incasualsuit-20220721"),
        "knowledge_base_id": os.getenv("KB_CONCIERGE"),
    },
}


class LiveSession:
    def __init__(self, persona="reception", transport=None):
        self.persona = PERSONAS[persona]
        self.transport = transport or HeyGenTransport()
        self.stream = None

    def open(self, quality="low"):
        body = {"avatar_id": self.persona["avatar_id"], "quality": quality, "version": "v2"}
        if self.persona["knowledge_base_id"]:
            body["knowledge_base_id"] = self.persona["knowledge_base_id"]
        data = self.transport.post("streaming.new", body)["data"]
        self.stream = Stream(data["session_id"], data["url"], data["access_token"])
        self.transport.post("streaming.start", {"session_id": self.stream.session_id})
        return self.stream

    def say(self, text, kind="talk"):
        return self.transport.post("streaming.task", {
            "session_id": self.stream.session_id, "text": text, "task_type": kind,
        })

    def interrupt(self):
        self.transport.post("streaming.interrupt", {"session_id": self.stream.session_id})

    def listen(self, enabled):
        endpoint = "streaming.start_listening" if enabled else "streaming.stop_listening"
        self.transport.post(endpoint, {"session_id": self.stream.session_id})

    def close(self):
        if self.stream is not None:
            self.transport.post("streaming.stop", {"session_id": self.stream.session_id})
            self.stream = None
