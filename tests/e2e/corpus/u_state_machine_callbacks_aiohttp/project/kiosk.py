"""Museum kiosk avatar as a state machine:

    asleep --wake--> live --say/answer--> live --hush--> live --sleep--> asleep
"""
import logging
import os

import aiohttp

from fsm import AsyncMachine

log = logging.getLogger("kiosk")

HEYGEN_URL = "https://api.heygen.com/v1"
STATES = ["asleep", "live"]
TRANSITIONS = [
    {"trigger": "wake", "source": "asleep", "dest": "live"},
    {"trigger": "say", "source": "live", "dest": "live", "after": "speak"},
    {"trigger": "answer", "source": "live", "dest": "live", "after": "speak_answer"},
    {"trigger": "hush", "source": "live", "dest": "live", "after": "interrupt"},
    {"trigger": "sleep", "source": "live", "dest": "asleep"},
]


class KioskAvatar:
    def __init__(self, http: aiohttp.ClientSession):
        self.http = http
        self.avatar_id = os.getenv("MUSEUM_AVATAR_ID", "Anna_public_3_20240108")
        self.kb = os.getenv("MUSEUM_KB_ID")
        self.session = {}
        self.machine = AsyncMachine(self, STATES, TRANSITIONS, initial="asleep")

    async def _post(self, endpoint, payload):
        async with self.http.post(
            f"{HEYGEN_URL}/{endpoint}", json=payload, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}
        ) as resp:
            data = await resp.json()
            if resp.status != 200 or data.get("code") != 100:
                raise RuntimeError(f"{endpoint}: {resp.status} {data}")
            return data["data"]

    async def on_enter_live(self, *args, **kwargs):
        payload = {"avatar_id": self.avatar_id, "quality": "medium", "version": "v2", "knowledge_base_id": self.kb}
        self.session = await self._post("streaming.new", payload)
        await self._post("streaming.start", {"session_id": self.session["session_id"]})
        log.info("kiosk live: %s", self.session["session_id"])

    async def on_exit_live(self, *args, **kwargs):
        await self._post("streaming.stop", {"session_id": self.session["session_id"]})
        self.session = {}

    async def speak(self, text):
        await self._post("streaming.task", {"session_id": self.session["session_id"], "text": text})

    async def speak_answer(self, question):
        await self._post("streaming.task", {"session_id": self.session["session_id"], "text": question, "task_type": "talk"})

    async def interrupt(self):
        await self._post("streaming.interrupt", {"session_id": self.session["session_id"]})

    @property
    def screen(self):
        return self.session.get("url"), self.session.get("access_token")
