"""Async wrapper around HeyGen's streaming API (v1)."""
import asyncio
import logging
from typing import Any, Dict, Optional

import aiohttp

log = logging.getLogger(__name__)

RETRY_STATUSES = {429, 500, 502, 503, 504}


class HeyGenAPIError(Exception):
    def __init__(self, message, status=None, payload=None):
        super().__init__(message)
        self.status = status
        self.payload = payload


class HeyGenStreamingClient:
    def __init__(self, api_key: str, base_url: str = "https://api.heygen.com", max_retries: int = 3,
                 backoff: float = 0.2):
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.max_retries = max_retries
        self.backoff = backoff
        self._session: Optional[aiohttp.ClientSession] = None

    async def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                headers={"x-api-key": self.api_key, "content-type": "application/json"},
                timeout=aiohttp.ClientTimeout(total=30),
            )
        return self._session

    async def close(self):
        if self._session and not self._session.closed:
            await self._session.close()

    async def _request(self, method: str, path: str, payload: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        url = f"{self.base_url}{path}"
        session = await self._get_session()
        last_exc = None
        for attempt in range(self.max_retries):
            try:
                async with session.request(method, url, json=payload) as resp:
                    if resp.status in RETRY_STATUSES:
                        raise HeyGenAPIError(f"retryable status {resp.status}", resp.status)
                    body = await resp.json(content_type=None)
                    if resp.status != 200 or body.get("code") != 100:
                        raise HeyGenAPIError(body.get("message", "unknown error"), resp.status, body)
                    return body
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                last_exc = exc
            except HeyGenAPIError as exc:
                if exc.status not in RETRY_STATUSES:
                    raise
                last_exc = exc
            wait = self.backoff * (2 ** attempt)
            log.warning("HeyGen %s %s failed (attempt %d/%d), retrying in %.1fs",
                        method, path, attempt + 1, self.max_retries, wait)
            await asyncio.sleep(wait)
        raise HeyGenAPIError(f"giving up on {path}: {last_exc}")

    # --- session lifecycle ---
    async def new_session(self, avatar_id, quality="medium", language=None, knowledge_base_id=None):
        payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if language:
            payload["language"] = language
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        return await self._request("POST", "/v1/streaming.new", payload)

    async def start_session(self, session_id):
        return await self._request("POST", "/v1/streaming.start", {"session_id": session_id})

    async def send_task(self, session_id, text, task_type="repeat"):
        return await self._request("POST", "/v1/streaming.task",
                                   {"session_id": session_id, "text": text, "task_type": task_type})

    async def interrupt(self, session_id):
        return await self._request("POST", "/v1/streaming.interrupt", {"session_id": session_id})

    async def keep_alive(self, session_id):
        return await self._request("POST", "/v1/streaming.keep_alive", {"session_id": session_id})

    async def stop_session(self, session_id):
        return await self._request("POST", "/v1/streaming.stop", {"session_id": session_id})

    async def get_task_result(self, session_id, task_id):
        # undocumented, found in the network tab of labs.heygen.com -- may go away
        return await self._request("GET", f"/v1/streaming.task.result/{task_id}?session_id={session_id}")
