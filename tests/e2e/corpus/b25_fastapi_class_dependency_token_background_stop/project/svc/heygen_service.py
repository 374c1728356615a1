import httpx
from fastapi import Depends

from .config import Settings, get_settings


class HeyGenService:
    """One per request (FastAPI builds it from the class as a dependency)."""

    def __init__(self, settings: Settings = Depends(get_settings)):
        self.settings = settings
        self._token = None

    def _token_headers(self) -> dict:
        if self._token is None:
            r = httpx.post(
                f"{self.settings.api_url}/v1/streaming.create_token",
                headers={"x-api-key": self.settings.api_key},
                timeout=15,
            )
            r.raise_for_status()
            self._token = r.json()["data"]["token"]
        return {"Authorization": f"Bearer {self._token}"}

    def _post(self, endpoint: str, payload: dict) -> dict:
        r = httpx.post(f"{self.settings.api_url}/v1/{endpoint}", json=payload, headers=self._token_headers(), timeout=30)
        r.raise_for_status()
        return r.json()["data"]

    def open(self) -> dict:
        data = self._post("streaming.new", {"avatar_id": self.settings.avatar, "version": "v2"})
        self._post("streaming.start", {"session_id": data["session_id"]})
        return data

    def speak(self, session_id: str, text: str, task_type: str = "repeat") -> None:
        self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})

    def close(self, session_id: str) -> None:
        self._post("streaming.stop", {"session_id": session_id})
