"""Weather presenter: picks a voice by name from HeyGen's catalogue, then goes live."""

import os

import requests


class Presenter:
    def __init__(self, voice_name="Anna"):
        self.base = "https://api.heygen.com"
        self.headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}
        self.voice_name = voice_name
        self.session_id = None

    def pick_voice(self, name):
        r = requests.get(f"{self.base}/v2/voices", headers=self.headers, timeout=30)
        r.raise_for_status()
        voices = r.json()["data"]["voices"]
        for voice in voices:
            if voice.get("name", "").lower() == name.lower():
                return voice["voice_id"]
        return voices[0]["voice_id"]

    def go_live(self):
        voice_id = self.pick_voice(self.voice_name)
        r = requests.post(
            f"{self.base}/v1/streaming.new",
            headers=self.headers,
            json={
                "avatar_id": os.environ["AVATAR_ID"],
                "version": "v2",
                "voice": {"voice_id": voice_id, "rate": 1.1},
            },
            timeout=30,
        )
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        requests.post(
            f"{self.base}/v1/streaming.start",
            headers=self.headers,
            json={"session_id": self.session_id},
            timeout=30,
        ).raise_for_status()
        return data["url"], data["access_token"]

    def read(self, line):
        requests.post(
            f"{self.base}/v1/streaming.task",
            headers=self.headers,
            json={"session_id": self.session_id, "text": line, "task_type": "repeat"},
            timeout=30,
        ).raise_for_status()

    def ping(self):
        requests.post(f"{self.base}/v1/streaming.keep_alive", headers=self.headers, json={"session_id": self.session_id}, timeout=30)

    def sign_off(self):
        requests.post(f"{self.base}/v1/streaming.stop", headers=self.headers, json={"session_id": self.session_id}, timeout=30)
