"""Webinar rundown player: a CSV exported from the producer's spreadsheet drives the avatar.

    kind,text
    say,Welcome everyone!
    ask,What is new in release 4?
    hush,
"""
import csv
import os
from dataclasses import dataclass
from enum import StrEnum, auto

import requests

HEYGEN = "https://api.heygen.com/v1"


class TaskType(StrEnum):
    REPEAT = auto()  # "repeat"
    CHAT = auto()  # "chat"


class Kind(StrEnum):
    SAY = auto()
    ASK = auto()
    HUSH = auto()


@dataclass(slots=True, kw_only=True)
class Cue:
    kind: Kind
    text: str = ""


def read_cues(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [Cue(kind=Kind(row["kind"].strip()), text=row["text"].strip()) for row in csv.DictReader(f)]


class Player:
    def __init__(self, avatar_id, knowledge_base_id=None):
        self.headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}
        self.avatar_id = avatar_id
        self.knowledge_base_id = knowledge_base_id
        self.session_id = None

    def open(self):
        body = {"avatar_id": self.avatar_id, "version": "v2"}
        if self.knowledge_base_id:
            body["knowledge_base_id"] = self.knowledge_base_id
        r = requests.post(f"{HEYGEN}/streaming.new", json=body, headers=self.headers, timeout=30)
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        requests.post(f"{HEYGEN}/streaming.start", json={"session_id": self.session_id}, headers=self.headers, timeout=30).raise_for_status()
        return data["url"], data["access_token"]

    def task(self, text, task_type=TaskType.REPEAT):
        r = requests.post(
            f"{HEYGEN}/streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": task_type},
            headers=self.headers,
            timeout=30,
        )
        r.raise_for_status()

    def hush(self):
        requests.post(f"{HEYGEN}/streaming.interrupt", json={"session_id": self.session_id}, headers=self.headers, timeout=30).raise_for_status()

    def close(self):
        requests.post(f"{HEYGEN}/streaming.stop", json={"session_id": self.session_id}, headers=self.headers, timeout=30).raise_for_status()

    def play(self, cue):
        match cue.kind:
            case Kind.SAY:
                self.task(cue.text)
            case Kind.ASK:
                self.task(cue.text, TaskType.CHAT)
            case Kind.HUSH:
                self.hush()


def run(path, on_room):
    player = Player(os.environ["WEBINAR_AVATAR_ID"], os.getenv("WEBINAR_KB_ID"))
    on_room(*player.open())
    try:
        for cue in read_cues(path):
            player.play(cue)
    finally:
        player.close()
