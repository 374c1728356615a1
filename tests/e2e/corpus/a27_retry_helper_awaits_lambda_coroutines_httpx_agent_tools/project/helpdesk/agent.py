import asyncio
import logging
import os

import httpx

log = logging.getLogger(__name__)


class HelpdeskAgent:
    """Tools the LLM can call; each one drives the avatar on the employee's screen."""

    def __init__(self, attempts: int = 3):
        self._http = httpx.AsyncClient(
            base_url=os.getenv("HEYGEN_BASE", "https://api.heygen.com"),
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            timeout=20,
        )
        self._attempts = attempts
        self.session_id: str | None = None

    async def _retrying(self, make_request):
        delay = 0.25
        for attempt in range(1, self._attempts + 1):
            try:
                response = await make_request()
            except httpx.TransportError as exc:
                log.warning("attempt %d failed: %s", attempt, exc)
            else:
                if response.status_code < 500:
                    response.raise_for_status()
                    return response
                log.warning("attempt %d: HTTP %d", attempt, response.status_code)
            await asyncio.sleep(delay)
            delay *= 2
        raise RuntimeError("HeyGen did not answer")

    async def open(self) -> dict:
        resp = await asyncio.wait_for(
            self._http.post(
                "/v1/streaming.new",
                json={
                    "avatar_id": os.getenv("HELPDESK_AVATAR", "Wayne_20240711"),
                    "knowledge_base_id": os.getenv("HELPDESK_KB"),
                    "quality": "medium",
                    "version": "v2",
                },
            ),
            timeout=30,
        )
        resp.raise_for_status()
        data = resp.json().get("data", {})
        self.session_id = data["session_id"]
        started = await self._http.post("/v1/streaming.start", json={"session_id": self.session_id})
        started.raise_for_status()
        return {"livekit": data["url"], "viewer_token": data["access_token"]}

    # -- tools ---------------------------------------------------------------------------
    async def tool_say(self, text: str) -> None:
        await self._retrying(
            lambda: self._http.post(
                "/v1/streaming.task", json={"session_id": self.session_id, "text": text, "task_type": "repeat"}
            )
        )

    async def tool_escalate(self, question: str) -> None:
        # the avatar's knowledge base has the IT runbooks
        await self._retrying(
            lambda: self._http.post(
                "/v1/streaming.task", json={"session_id": self.session_id, "text": question, "task_type": "chat"}
            )
        )

    async def tool_hush(self) -> None:
        await self._retrying(lambda: self._http.post("/v1/streaming.interrupt", json={"session_id": self.session_id}))

    async def tool_still_there(self) -> None:
        await self._retrying(lambda: self._http.post("/v1/streaming.keep_alive", json={"session_id": self.session_id}))

    async def call_tool(self, name: str, **arguments) -> str:
        tool = getattr(self, f"tool_{name}", None)
        if tool is None:
            return f"unknown tool {name}"
        try:
            await tool(**arguments)
        except Exception as exc:
            log.exception("tool %s failed", name)
            return f"error: {exc}"
        return "ok"

    async def close(self) -> None:
        if self.session_id:
            await self._retrying(lambda: self._http.post("/v1/streaming.stop", json={"session_id": self.session_id}))
            self.session_id = None
        await self._http.aclose()
