from __future__ import annotations

from urllib.parse import urljoin

import requests


class StreamingClient:
    def __init__(self, base_url: str, api_key: str, session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.api_key = api_key
        self.session = session or requests.Session()

    def _headers(self) -> dict[str, str]:
        return {"X-Api-Key": self.api_key, "Accept": "application/json"}

    def _post(self, path: str, payload: dict) -> dict:
        resp = self.session.post(urljoin(self.base_url, path), json=payload, headers=self._headers(), timeout=30)
        resp.raise_for_status()
        return resp.json()["data"]

    def new_session(self, avatar_id: str, knowledge_base_id: str | None = None) -> dict:
        payload = {"avatar_id": avatar_id, "version": "v2", "quality": "medium"}
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        return self._post("v1/streaming.new", payload)

    def start(self, session_id: str) -> None:
        self._post("v1/streaming.start", {"session_id": session_id})

    def chat(self, session_id: str, text: str) -> None:
        self._post("v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "chat"})

    def repeat(self, session_id: str, text: str) -> None:
        self._post("v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    def stop(self, session_id: str) -> None:
        self._post("v1/streaming.stop", {"session_id": session_id})
