import os

import requests

HEYGEN_URL = "https://api.heygen.com/v1"
AVATAR_ID = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
KB_ID = os.getenv("HEYGEN_KB_ID")


class AvatarAgent:
    """Avatar output for the restaurant booking agent."""

    def __init__(self):
        self.api_key = os.getenv("HEYGEN_API_KEY")
        self.session_token = None
        self.session_id = None

    def _auth(self):
        return {"Authorization": "Bearer " + self.session_token, "Content-Type": "application/json"}

    async def start(self):
        # 1. get a session token
        res = requests.post(HEYGEN_URL + "/streaming.create_token", headers={"x-api-key": self.api_key})
        self.session_token = res.json()["data"]["token"]

        # 2. create the session
        res = requests.post(HEYGEN_URL + "/streaming.new", headers=self._auth(), json={
            "quality": "low",
            "avatar_name": AVATAR_ID,
            "voice": {"rate": 1.0},
            "knowledge_base_id": KB_ID,
            "version": "v2",
            "video_encoding": "H264",
        })
        data = res.json()["data"]
        self.session_id = data["session_id"]

        # 3. start streaming
        res = requests.post(HEYGEN_URL + "/streaming.start", headers=self._auth(),
                            json={"session_id": self.session_id})
        if res.status_code != 200:
            raise Exception("could not start avatar: " + res.text)
        print("avatar session", self.session_id, "started")
        return {"session_id": self.session_id, "url": data["url"], "token": data["access_token"]}

    async def on_llm_response(self, text):
        # the agent already produced the answer: avatar just repeats it
        requests.post(HEYGEN_URL + "/streaming.task", headers=self._auth(), json={
            "session_id": self.session_id, "text": text, "task_type": "repeat",
        })

    async def on_user_message(self, text):
        # let HeyGen's own LLM answer
        requests.post(HEYGEN_URL + "/streaming.task", headers=self._auth(), json={
            "session_id": self.session_id, "text": text, "task_type": "chat",
        })

    def interrupt(self):
        requests.post(HEYGEN_URL + "/streaming.interrupt", headers=self._auth(),
                      json={"session_id": self.session_id})

    async def stop(self):
        if self.session_id:
            requests.post(HEYGEN_URL + "/streaming.stop", headers=self._auth(),
                          json={"session_id": self.session_id})
            self.session_id = None
