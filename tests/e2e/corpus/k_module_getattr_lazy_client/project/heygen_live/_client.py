from __future__ import annotations

import os

import httpx


class StreamingClient:
    def __init__(self, api_key: str, avatar_id: str, base_url: str = "https://api.heygen.com/v1"):
        self._http = httpx.Client(base_url=base_url, headers={"X-Api-Key": api_key}, timeout=20)
        self.avatar_id = avatar_id
        self.session_id: str | None = None

    @classmethod
    def from_env(cls) -> "StreamingClient":
        return cls(
            api_key=os.environ["HEYGEN_API_KEY"],
            avatar_id=os.environ.get("HEYGEN_AVATAR_ID", "Anna_public_3_20240108"),
        )

    def _post(self, path: str, **body) -> dict:
        resp = self._http.post(path, json=body)
        resp.raise_for_status()
        payload = resp.json()
        if payload.get("code") != 100:
            raise RuntimeError(payload.get("message"))
        return payload["data"]

    def open(self) -> tuple[str, str]:
        data = self._post("/streaming.new", avatar_id=self.avatar_id, version="v2", quality="low")
        self.session_id = data["session_id"]
        self._post("/streaming.start", session_id=self.session_id)
        return data["url"], data["access_token"]

    def say(self, text: str) -> str:
        return self._post("/streaming.task", session_id=self.session_id, text=text)["task_id"]

    def interrupt(self) -> None:
        self._post("/streaming.interrupt", session_id=self.session_id)

    def close(self) -> None:
        if self.session_id is not None:
            self._post("/streaming.stop", session_id=self.session_id)
            self.session_id = None
