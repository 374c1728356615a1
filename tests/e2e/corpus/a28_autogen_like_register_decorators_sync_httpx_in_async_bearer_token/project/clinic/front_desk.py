import asyncio
import os

import httpx

HEYGEN = "https://api.heygen.com/v1"


class FrontDesk:
    def __init__(self):
        self.http = httpx.Client(base_url=HEYGEN, timeout=20)
        self._token = None
        self.session_id = None
        self._keepalive = None

    @property
    def _auth(self):
        return {"Authorization": f"Bearer {self._token}"}

    async def open(self, ping_every=90.0):
        resp = self.http.post("/streaming.create_token", headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
        resp.raise_for_status()
        self._token = resp.json()["data"]["token"]
        resp = self.http.post(
            "/streaming.new",
            headers=self._auth,
            json={
                "avatar_id": os.environ["CLINIC_AVATAR"],
                "knowledge_base_id": os.environ["CLINIC_KB"],
                "quality": "medium",
                "version": "v2",
            },
        )
        resp.raise_for_status()
        data = resp.json().get("data", {})
        self.session_id = data["session_id"]
        self.http.post("/streaming.start", headers=self._auth, json={"session_id": self.session_id}).raise_for_status()
        self._keepalive = asyncio.create_task(self._ping(ping_every))
        return data.get("url"), data.get("access_token")

    async def _ping(self, every):
        while True:
            await asyncio.sleep(every)
            self.http.post("/streaming.keep_alive", headers=self._auth, json={"session_id": self.session_id})

    async def speak(self, text, task_type="repeat"):
        resp = self.http.post(
            "/streaming.task",
            headers=self._auth,
            json={"session_id": self.session_id, "text": text, "task_type": task_type},
        )
        resp.raise_for_status()

    async def close(self):
        if self._keepalive:
            self._keepalive.cancel()
        self.http.post("/streaming.stop", headers=self._auth, json={"session_id": self.session_id})
        self.http.close()


DESK = FrontDesk()
