"""A bounded pool of streaming avatars, one per kiosk user."""

from __future__ import annotations

import atexit
import logging
import os
import threading
import weakref

import requests

log = logging.getLogger(__name__)


class PoolExhausted(RuntimeError):
    pass


def _stop_quietly(http: requests.Session, base: str, session_id: str) -> None:
    try:
        http.post(f"{base}/v1/streaming.stop", json={"session_id": session_id}, timeout=10)
    except requests.RequestException:
        log.warning("could not stop %s", session_id)


class PooledAvatar:
    def __init__(self, pool: "AvatarPool", session_id: str, url: str, access_token: str):
        self._pool = pool
        self.session_id = session_id
        self.url = url
        self.access_token = access_token
        self._finalizer = weakref.finalize(self, _stop_quietly, pool.http, pool.base, session_id)

    def say(self, text: str, task_type: str = "talk") -> str:
        resp = self._pool.http.post(
            f"{self._pool.base}/v1/streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": task_type},
            timeout=30,
        )
        resp.raise_for_status()
        return resp.json()["data"]["task_id"]

    def close(self) -> None:
        self._finalizer()  # runs _stop_quietly once, then never again

    @property
    def alive(self) -> bool:
        return self._finalizer.alive


class AvatarPool:
    def __init__(self, max_sessions: int = 2, base: str = "https://api.heygen.com"):
        self.base = base
        self.max_sessions = max_sessions
        self.http = requests.Session()
        self.http.headers["x-api-key"] = os.environ["HEYGEN_API_KEY"]
        self._lock = threading.Lock()
        self._by_user: dict[str, PooledAvatar] = {}

    def acquire(self, user: str) -> PooledAvatar:
        with self._lock:
            avatar = self._by_user.get(user)
            if avatar is not None and avatar.alive:
                return avatar
            if len(self._by_user) >= self.max_sessions:
                raise PoolExhausted(f"{len(self._by_user)} avatars in use")
            body = {
                "avatar_id": os.environ["AVATAR_ID"],
                "quality": "low",
                "version": "v2",
                "knowledge_base_id": os.environ["KNOWLEDGE_BASE_ID"],
            }
            resp = self.http.post(f"{self.base}/v1/streaming.new", json=body, timeout=30)
            resp.raise_for_status()
            data = resp.json()["data"]
            self.http.post(
                f"{self.base}/v1/streaming.start", json={"session_id": data["session_id"]}, timeout=30
            ).raise_for_status()
            avatar = PooledAvatar(self, data["session_id"], data["url"], data["access_token"])
            self._by_user[user] = avatar
            return avatar

    def release(self, user: str) -> None:
        with self._lock:
            avatar = self._by_user.pop(user, None)
        if avatar is not None:
            avatar.close()

    def ping_all(self) -> int:
        with self._lock:
            live = [a for a in self._by_user.values() if a.alive]
        for avatar in live:
            self.http.post(
                f"{self.base}/v1/streaming.keep_alive", json={"session_id": avatar.session_id}, timeout=10
            )
        return len(live)

    def shutdown(self) -> None:
        for user in list(self._by_user):
            self.release(user)


pool = AvatarPool()
atexit.register(pool.shutdown)
