"""Async client for HeyGen's streaming endpoints (one per request, see deps.py)."""
import logging

import httpx

from .schemas import NewSessionData, SessionRequest

log = logging.getLogger("app.heygen")


class HeyGenError(Exception):
    def __init__(self, status: int, detail: str):
        super().__init__(f"HeyGen {status}: {detail}")
        self.status = status
        self.detail = detail


class HeyGenClient:
    def __init__(self, http: httpx.AsyncClient, api_key: str):
        self.http = http
        self.api_key = api_key

    @property
    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.api_key}", "Content-Type": "application/json"}

    async def _post(self, path: str, payload: dict) -> dict:
        resp = await self.http.post(path, json=payload, headers=self.headers)
        if resp.status_code != 200:
            raise HeyGenError(resp.status_code, resp.text)
        body = resp.json()
        if body.get("code") != 100:
            raise HeyGenError(resp.status_code, body.get("message", "unknown"))
        return body.get("data") or {}

    async def new_session(self, req: SessionRequest) -> NewSessionData:
        data = await self._post("/v1/streaming.new", req.model_dump(exclude_none=True))
        return NewSessionData.model_validate(data)

    async def start(self, session_id: str) -> None:
        await self._post("/v1/streaming.start", {"session_id": session_id})

    async def task(self, session_id: str, text: str, task_type: str = "repeat") -> dict:
        return await self._post(
            "/v1/streaming.task",
            {"session_id": session_id, "text": text, "task_type": task_type},
        )

    async def stop(self, session_id: str) -> None:
        await self._post("/v1/streaming.stop", {"session_id": session_id})
        log.info("stopped %s", session_id)
