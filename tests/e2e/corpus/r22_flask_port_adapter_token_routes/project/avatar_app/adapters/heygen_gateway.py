from __future__ import annotations

import os

import requests

from ..ports import AvatarGateway, StreamInfo


class HeyGenGateway(AvatarGateway):
    base_url = "https://api.heygen.com/v1"

    def __init__(self, api_key: str, avatar_id: str, knowledge_base_id: str | None = None,
                 auth_style: str = "x-api-key", timeout: float = 20.0) -> None:
        self.api_key = api_key
        self.avatar_id = avatar_id
        self.knowledge_base_id = knowledge_base_id
        # some of our keys were issued for the "Authorization: Bearer" scheme only
        self.auth_style = auth_style
        self.timeout = timeout

    @classmethod
    def from_env(cls) -> "HeyGenGateway":
        return cls(
            api_key=os.environ["HEYGEN_API_KEY"],
            avatar_id=os.environ["HEYGEN_AVATAR_ID"],
            knowledge_base_id=os.environ.get("HEYGEN_KB_ID") or None,
            auth_style=os.environ.get("HEYGEN_AUTH_STYLE", "x-api-key"),
        )

    def _headers(self) -> dict[str, str]:
        if self.auth_style == "bearer":
            return {"Authorization": f"Bearer {self.api_key}", "Content-Type": "application/json"}
        return {"x-api-key": self.api_key, "Content-Type": "application/json"}

    def _session_headers(self, token: str) -> dict[str, str]:
        return {**self._headers(), "Authorization": f"Bearer {token}"}

    def _post(self, path: str, body: dict, headers: dict[str, str]) -> dict:
        resp = requests.post(f"{self.base_url}/{path}", json=body, headers=headers, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def create_token(self) -> str:
        return self._post("streaming.create_token", {}, self._headers())["data"]["token"]

    def open_stream(self, token: str) -> StreamInfo:
        body = {"avatar_id": self.avatar_id, "quality": "medium", "version": "v2"}
        if self.knowledge_base_id:
            body["knowledge_base_id"] = self.knowledge_base_id
        data = self._post("streaming.new", body, self._session_headers(token))["data"]
        self._post("streaming.start", {"session_id": data["session_id"]}, self._session_headers(token))
        return StreamInfo(data["session_id"], data["url"], data["access_token"])

    def send_text(self, token: str, session_id: str, text: str, task_type: str = "repeat") -> None:
        self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": task_type},
                   self._session_headers(token))

    def interrupt(self, token: str, session_id: str) -> None:
        self._post("streaming.interrupt", {"session_id": session_id}, self._session_headers(token))

    def close_stream(self, token: str, session_id: str) -> None:
        self._post("streaming.stop", {"session_id": session_id}, self._session_headers(token))
