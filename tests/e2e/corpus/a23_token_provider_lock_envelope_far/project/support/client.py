"""Thin client: every method returns the API's JSON envelope as is."""
from __future__ import annotations

import os
from typing import Any

import aiohttp

from .tokens import API, TokenProvider

Envelope = dict[str, Any]


class StreamingClient:
    def __init__(self, http: aiohttp.ClientSession, tokens: TokenProvider) -> None:
        self.http = http
        self.tokens = tokens

    async def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {await self.tokens.get()}"}

    async def new_session(self) -> Envelope:
        body: dict[str, Any] = {
            "avatar_id": os.environ.get("SUPPORT_AVATAR_ID", "Wayne_20240711"),
            "version": "v2",
            "quality": "medium",
            "knowledge_base_id": os.environ["SUPPORT_KB_ID"],
        }
        if os.getenv("SUPPORT_LANGUAGE"):
            body["language"] = os.environ["SUPPORT_LANGUAGE"]
        async with self.http.post(f"{API}/streaming.new", json=body, headers=await self._auth()) as r:
            r.raise_for_status()
            return await r.json()

    async def start(self, session_id: str) -> Envelope:
        async with self.http.post(
            f"{API}/streaming.start", json={"session_id": session_id}, headers=await self._auth()
        ) as r:
            r.raise_for_status()
            return await r.json()

    async def ask(self, session_id: str, question: str) -> Envelope:
        async with self.http.post(
            f"{API}/streaming.task",
            json={"session_id": session_id, "text": question, "task_type": "chat"},
            headers=await self._auth(),
        ) as r:
            r.raise_for_status()
            return await r.json()

    async def stop(self, session_id: str) -> Envelope:
        async with self.http.post(
            f"{API}/streaming.stop", json={"session_id": session_id}, headers=await self._auth()
        ) as r:
            r.raise_for_status()
            return await r.json()
