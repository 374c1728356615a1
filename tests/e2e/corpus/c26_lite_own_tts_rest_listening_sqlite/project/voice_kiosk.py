import base64
import json
import os
import uuid

import requests
from websockets.sync.client import connect

import store
import tts

API = "https://api.heygen.com/v1"
CHUNK = 24000 * 2  # one second of PCM16 @ 24 kHz


def _headers():
    return {"Authorization": f"Bearer {os.environ['HEYGEN_API_KEY']}", "Content-Type": "application/json"}


def _call(op, **body):
    r = requests.post(f"{API}/streaming.{op}", headers=_headers(), json=body, timeout=15)
    r.raise_for_status()
    return r.json()


class VoiceKiosk:
    def __init__(self, kiosk="lobby-1"):
        self.kiosk = kiosk
        self.ws = None

    def open(self):
        r = requests.post(
            f"{API}/streaming.new",
            headers=_headers(),
            json={"avatar_id": os.environ["KIOSK_AVATAR"], "version": "v2", "video_encoding": "H264"},
            timeout=15,
        )
        r.raise_for_status()
        d = r.json()["data"]
        requests.post(f"{API}/streaming.start", headers=_headers(), json={"session_id": d["session_id"]}, timeout=15).raise_for_status()
        store.put(self.kiosk, d["session_id"], d["realtime_endpoint"], d["url"], d["access_token"])
        self.ws = connect(d["realtime_endpoint"])
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("type") == "session.state_updated" and msg.get("state") == "connected":
                break
        return {"url": d["url"], "token": d["access_token"]}

    def say(self, text):
        pcm = tts.synthesize(text)
        event_id = str(uuid.uuid4())
        for i in range(0, len(pcm), CHUNK):
            self.ws.send(json.dumps({"type": "agent.speak", "event_id": event_id, "audio": base64.b64encode(pcm[i:i + CHUNK]).decode()}))
        self.ws.send(json.dumps({"type": "agent.speak_end", "event_id": event_id}))

    def barge_in(self):
        sid = store.get(self.kiosk)["session_id"]
        _call("interrupt", session_id=sid)

    def user_turn(self, listen=True):
        sid = store.get(self.kiosk)["session_id"]
        _call("start_listening" if listen else "stop_listening", session_id=sid)

    def close(self):
        rec = store.get(self.kiosk)
        if rec is None:
            return
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        _call("stop", session_id=rec["session_id"])
        store.drop(self.kiosk)
