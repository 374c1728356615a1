from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Awaitable, Callable

import requests

from .config import MenuBoardConfig


class MenuBoardAgent:
    def __init__(self, config: MenuBoardConfig) -> None:
        self.base = config.base
        self.avatar_id = config.avatar_id
        self.http = requests.Session()
        self.http.headers["x-api-key"] = config.api_key
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="heygen")
        self.session_id: str | None = None

    async def open_lane(self, on_room: Callable[[dict], Awaitable[None]]) -> None:
        loop = asyncio.get_running_loop()
        resp = await loop.run_in_executor(
            self.pool,
            lambda: self.http.post(f"{self.base}/streaming.new", json={"avatar_id": self.avatar_id, "version": "v2"}, timeout=20),
        )
        resp.raise_for_status()
        info = resp.json()["data"]
        self.session_id = info["session_id"]
        started = await loop.run_in_executor(
            self.pool, lambda: self.http.post(f"{self.base}/streaming.start", json={"session_id": self.session_id}, timeout=20)
        )
        started.raise_for_status()
        await on_room({"room": info["url"], "jwt": info["access_token"]})

    async def read_back(self, items: list[str]) -> None:
        loop = asyncio.get_running_loop()
        text = "You ordered " + ", ".join(items) + ". Is that right?"
        resp = await loop.run_in_executor(
            self.pool,
            lambda: self.http.post(
                f"{self.base}/streaming.task", json={"session_id": self.session_id, "text": text, "task_type": "repeat"}, timeout=20
            ),
        )
        resp.raise_for_status()

    async def barge_in(self) -> None:
        loop = asyncio.get_running_loop()
        resp = await loop.run_in_executor(
            self.pool, lambda: self.http.post(f"{self.base}/streaming.interrupt", json={"session_id": self.session_id}, timeout=20)
        )
        resp.raise_for_status()

    async def close_lane(self) -> None:
        loop = asyncio.get_running_loop()
        resp = await loop.run_in_executor(
            self.pool, lambda: self.http.post(f"{self.base}/streaming.stop", json={"session_id": self.session_id}, timeout=20)
        )
        resp.raise_for_status()
        self.session_id = None
        self.pool.shutdown(wait=False)
