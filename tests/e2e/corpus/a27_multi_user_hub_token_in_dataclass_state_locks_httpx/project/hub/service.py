import asyncio
import logging
import os
from collections import defaultdict
from dataclasses import dataclass

import httpx

log = logging.getLogger(__name__)

API = os.getenv("HEYGEN_API_URL", "https://api.heygen.com/v1")


@dataclass(slots=True)
class SessionState:
    token: str
    session_id: str
    url: str
    access_token: str
    spoken: int = 0


class AvatarHub:
    def __init__(self):
        self.http = httpx.AsyncClient(base_url=API, timeout=20)
        self.sessions: dict[str, SessionState] = {}
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def _token(self) -> str:
        r = await self.http.post("/streaming.create_token", headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
        r.raise_for_status()
        return r.json()["data"]["token"]

    async def open(self, user: str, avatar_id: str) -> tuple[str, str]:
        async with self._locks[user]:
            if user in self.sessions:
                state = self.sessions[user]
                return state.url, state.access_token
            token = await self._token()
            auth = {"Authorization": f"Bearer {token}"}
            r = await self.http.post("/streaming.new", json={"avatar_id": avatar_id, "version": "v2"}, headers=auth)
            r.raise_for_status()
            data = r.json()["data"]
            r = await self.http.post("/streaming.start", json={"session_id": data["session_id"]}, headers=auth)
            r.raise_for_status()
            state = SessionState(token=token, session_id=data["session_id"], url=data["url"], access_token=data["access_token"])
            self.sessions[user] = state
            log.info("opened %s for %s", state.session_id, user)
            return state.url, state.access_token

    async def say(self, user: str, text: str) -> None:
        async with self._locks[user]:
            state = self.sessions[user]
            r = await self.http.post(
                "/streaming.task",
                json={"session_id": state.session_id, "text": text, "task_type": "repeat"},
                headers={"Authorization": f"Bearer {state.token}"},
            )
            r.raise_for_status()
            state.spoken += 1

    async def close(self, user: str) -> None:
        async with self._locks[user]:
            state = self.sessions.pop(user, None)
            if state is None:
                return
            r = await self.http.post(
                "/streaming.stop",
                json={"session_id": state.session_id},
                headers={"Authorization": f"Bearer {state.token}"},
            )
            r.raise_for_status()

    async def aclose(self) -> None:
        await self.http.aclose()
