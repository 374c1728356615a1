import asyncio
import contextlib
import logging
import os
from contextlib import asynccontextmanager

import aiohttp
from yarl import URL

log = logging.getLogger(__name__)


class TutorError(Exception):
    pass


class Tutor:
    def __init__(self, manager, learner_id, session_id, url, token, keepalive_every=120.0):
        self.manager = manager
        self.learner_id = learner_id
        self.session_id = session_id
        self.url = url
        self.token = token
        self._closed = asyncio.Event()
        self._keepalive = asyncio.create_task(self._keep_alive(keepalive_every))

    async def _keep_alive(self, every):
        while not self._closed.is_set():
            try:
                await asyncio.wait_for(self._closed.wait(), timeout=every)
            except asyncio.TimeoutError:
                await self.ping()

    async def ping(self):
        await self.manager.post("streaming.keep_alive", session_id=self.session_id)

    async def say(self, text):
        await self.manager.post("streaming.task", session_id=self.session_id, text=text, task_type="repeat")

    async def ask(self, text):
        await self.manager.post("streaming.task", session_id=self.session_id, text=text, task_type="chat")

    async def close(self):
        self._closed.set()
        with contextlib.suppress(asyncio.CancelledError):
            await self._keepalive
        await self.manager.post("streaming.stop", session_id=self.session_id)


class SessionManager:
    def __init__(self, api_key=None):
        self.api = URL(os.getenv("HEYGEN_API", "https://api.heygen.com")) / "v1"
        self._key = api_key or os.environ["HEYGEN_API_KEY"]
        self._http = None
        self.active: dict[str, Tutor] = {}

    async def __aenter__(self):
        self._http = aiohttp.ClientSession(headers={"x-api-key": self._key})
        return self

    async def __aexit__(self, *exc):
        for tutor in list(self.active.values()):
            await tutor.close()
        await self._http.close()

    async def post(self, endpoint, **payload):
        async with self._http.post(self.api / endpoint, json=payload) as resp:
            body = await resp.json()
        if resp.status != 200:
            raise TutorError(f"{endpoint}: {resp.status} {body}")
        return body

    async def _open(self, learner_id):
        async with self._http.post(
            self.api / "streaming.new",
            json={
                "avatar_id": os.getenv("TUTOR_AVATAR", "Anna_public_3_20240108"),
                "knowledge_base_id": os.getenv("TUTOR_KB"),
                "language": "es",
                "version": "v2",
            },
        ) as resp:
            body = await resp.json()
        match body:
            case {"code": 100, "data": {"session_id": sid, "url": url, "access_token": token}}:
                pass
            case {"message": message}:
                raise TutorError(f"could not open a tutor for {learner_id}: {message}")
            case _:
                raise TutorError(f"unexpected answer {body!r}")
        await self.post("streaming.start", session_id=sid)
        return Tutor(self, learner_id, sid, url, token)

    @asynccontextmanager
    async def session(self, learner_id):
        tutor = await self._open(learner_id)
        self.active[learner_id] = tutor
        try:
            yield tutor
        finally:
            del self.active[learner_id]
            await tutor.close()
