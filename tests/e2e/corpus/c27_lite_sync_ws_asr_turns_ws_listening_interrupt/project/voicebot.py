import base64
import json
import logging
import os
import uuid

import requests
from websockets.sync.client import connect

import speech

log = logging.getLogger("voicebot")

HEYGEN = "https://api.heygen.com/v1"
FIRST_CHUNK = int(speech.RATE * 2 * 0.6)
CHUNK = speech.RATE * 2

ANSWERS = {
    "what are your hours": "We are open from nine to five.",
    "where are you": "We are at the old harbour.",
}


def _headers():
    return {"Authorization": f"Bearer {os.environ['HEYGEN_API_KEY']}", "Content-Type": "application/json"}


class Line:
    def __init__(self, avatar=None):
        self.avatar = avatar or os.environ["LINE_AVATAR"]
        self.session_id = None
        self.ws = None

    def __enter__(self):
        resp = requests.post(
            f"{HEYGEN}/streaming.new",
            headers=_headers(),
            json={"avatar_id": self.avatar, "version": "v2", "quality": "low"},
            timeout=15,
        )
        resp.raise_for_status()
        data = resp.json()["data"]
        self.session_id = data["session_id"]
        requests.post(
            f"{HEYGEN}/streaming.start", headers=_headers(), json={"session_id": self.session_id}, timeout=15
        ).raise_for_status()
        self.ws = connect(data["realtime_endpoint"])
        self.room = {"url": data["url"], "token": data["access_token"]}
        return self

    def __exit__(self, *exc):
        try:
            if self.ws is not None:
                self.ws.close()
        finally:
            requests.post(
                f"{HEYGEN}/streaming.stop", headers=_headers(), json={"session_id": self.session_id}, timeout=15
            )
        return False

    def _send(self, payload):
        self.ws.send(json.dumps(payload))

    def say(self, text):
        pcm = speech.synthesize(text)
        event_id = str(uuid.uuid4())
        pieces = [pcm[:FIRST_CHUNK]] + [pcm[i : i + CHUNK] for i in range(FIRST_CHUNK, len(pcm), CHUNK)]
        for piece in pieces:
            self._send({"type": "agent.speak", "event_id": event_id, "audio": base64.b64encode(piece).decode()})
        self._send({"type": "agent.speak_end", "event_id": event_id})
        return len(pieces)

    def caller_turn(self, utterance):
        self._send({"type": "agent.start_listening", "event_id": str(uuid.uuid4())})
        question = speech.transcribe(utterance)
        self._send({"type": "agent.stop_listening", "event_id": str(uuid.uuid4())})
        return ANSWERS.get(question, "Sorry, I did not get that.")

    def barge_in(self):
        self._send({"type": "agent.interrupt"})

    def keep_alive(self):
        self._send({"type": "session.keep_alive", "event_id": str(uuid.uuid4())})
