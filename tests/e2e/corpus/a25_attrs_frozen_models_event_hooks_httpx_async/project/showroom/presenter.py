from __future__ import annotations

import attrs
import httpx

from .models import LiveSession, NewSessionRequest, PresenterConfig, TaskRequest


class ShowroomError(RuntimeError):
    pass


async def raise_on_heygen_error(response: httpx.Response) -> None:
    await response.aread()
    body = response.json()
    if response.status_code != 200 or body.get("code") != 100:
        raise ShowroomError(f"{response.request.url.path}: {body.get('message')}")


class Presenter:
    def __init__(self, config: PresenterConfig | None = None) -> None:
        self.config = config or PresenterConfig()
        self.http = httpx.AsyncClient(
            headers={"X-Api-Key": self.config.api_key},
            event_hooks={"response": [raise_on_heygen_error]},
            timeout=20,
        )
        self.session: LiveSession | None = None

    async def open(self) -> LiveSession:
        req = NewSessionRequest(avatar_id=self.config.avatar_id)
        resp = await self.http.post(f"{self.config.api_base}/streaming.new", json=attrs.asdict(req))
        self.session = LiveSession.from_api(resp.json()["data"])
        await self.http.post(f"{self.config.api_base}/streaming.start", json={"session_id": self.session.session_id})
        return self.session

    async def present(self, line: str) -> None:
        assert self.session is not None
        req = TaskRequest(session_id=self.session.session_id, text=line)
        await self.http.post(f"{self.config.api_base}/streaming.task", json=attrs.asdict(req))
        self.session = attrs.evolve(self.session, speaking=True)

    async def close(self) -> None:
        if self.session is not None:
            await self.http.post(f"{self.config.api_base}/streaming.stop", json={"session_id": self.session.session_id})
            self.session = None
        await self.http.aclose()
