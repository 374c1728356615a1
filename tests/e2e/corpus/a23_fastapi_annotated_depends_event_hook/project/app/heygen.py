"""HeyGen streaming service used by the concierge API."""
from __future__ import annotations

from typing import Any

from typing_extensions import TypedDict

import httpx
from pydantic import TypeAdapter


class NewSessionData(TypedDict):
    session_id: str
    url: str
    access_token: str


class NewSessionEnvelope(TypedDict):
    code: int
    message: str
    data: NewSessionData


NEW_SESSION = TypeAdapter(NewSessionEnvelope)


class UpstreamError(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status


async def raise_on_error(response: httpx.Response) -> None:
    """httpx response hook: turn HTTP errors into UpstreamError before callers parse."""
    if response.status_code >= 400:
        await response.aread()
        raise UpstreamError(response.status_code, response.text[:200])


def make_client(base_url: str, api_key: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url,
        headers={"X-Api-Key": api_key},
        timeout=20,
        event_hooks={"response": [raise_on_error]},
    )


class HeyGenService:
    def __init__(self, client: httpx.AsyncClient, avatar_id: str, knowledge_base_id: str | None) -> None:
        self.client = client
        self.avatar_id = avatar_id
        self.knowledge_base_id = knowledge_base_id

    async def open(self) -> NewSessionEnvelope:
        body: dict[str, Any] = {"avatar_id": self.avatar_id, "version": "v2", "quality": "medium"}
        if self.knowledge_base_id:
            body["knowledge_base_id"] = self.knowledge_base_id
        r = await self.client.post("/v1/streaming.new", json=body)
        envelope = NEW_SESSION.validate_python(r.json())
        await self.client.post("/v1/streaming.start", json={"session_id": envelope["data"]["session_id"]})
        return envelope

    async def ask(self, session_id: str, text: str) -> None:
        await self.client.post(
            "/v1/streaming.task", json={"session_id": session_id, "text": text, "task_type": "chat"}
        )

    async def announce(self, session_id: str, text: str) -> None:
        await self.client.post(
            "/v1/streaming.task", json={"session_id": session_id, "text": text, "task_type": "repeat"}
        )

    async def keep_alive(self, session_id: str) -> None:
        await self.client.post("/v1/streaming.keep_alive", json={"session_id": session_id})

    async def close(self, session_id: str) -> None:
        await self.client.post("/v1/streaming.stop", json={"session_id": session_id})
