import logging
import os
from typing import Any, Dict, Optional

import requests

logger = logging.getLogger(__name__)

HEYGEN_API = "https://api.heygen.com/v1"


class AvatarBridge:
    """Bridges our agent loop to a HeyGen streaming avatar."""

    def __init__(self, api_key: Optional[str] = None, avatar_id: Optional[str] = None):
        self.api_key = api_key or os.environ.get("HEYGEN_API_KEY")
        self.avatar_id = avatar_id or os.environ.get("HEYGEN_AVATAR", "Anna_public_3_20240108")
        self._token: Optional[str] = None
        self.session_id: Optional[str] = None

    def _fetch_token(self) -> str:
        r = requests.post(f"{HEYGEN_API}/streaming.create_token",
                          headers={"x-api-key": self.api_key}, timeout=10)
        r.raise_for_status()
        return r.json()["data"]["token"]

    def _post_bearer(self, url: str, token: str, payload: Dict[str, Any]) -> Dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        r = requests.post(url, headers=headers, json=payload, timeout=15)
        if not r.ok:
            logger.error("HeyGen %s -> %s %s", url, r.status_code, r.text)
            r.raise_for_status()
        return r.json()

    def connect(self) -> Dict[str, str]:
        self._token = self._fetch_token()
        res = self._post_bearer(f"{HEYGEN_API}/streaming.new", self._token, {
            "avatar_name": self.avatar_id,
            "quality": "medium",
            "version": "v2",
            "video_encoding": "VP8",
        })
        data = res["data"]
        self.session_id = data["session_id"]
        self._post_bearer(f"{HEYGEN_API}/streaming.start", self._token, {"session_id": self.session_id})
        logger.info("HeyGen session %s started", self.session_id)
        return {"url": data["url"], "access_token": data["access_token"]}

    def say(self, text: str, task_type: str = "repeat") -> None:
        self._post_bearer(f"{HEYGEN_API}/streaming.task", self._token, {
            "session_id": self.session_id, "text": text, "task_type": task_type, "task_mode": "sync",
        })

    def keep_alive(self) -> None:
        self._post_bearer(f"{HEYGEN_API}/streaming.keep_alive", self._token, {"session_id": self.session_id})

    def listen(self) -> None:
        self._post_bearer(f"{HEYGEN_API}/streaming.start_listening", self._token, {"session_id": self.session_id})

    def mute(self) -> None:
        self._post_bearer(f"{HEYGEN_API}/streaming.stop_listening", self._token, {"session_id": self.session_id})

    def disconnect(self) -> None:
        if not self.session_id:
            return
        try:
            self._post_bearer(f"{HEYGEN_API}/streaming.stop", self._token, {"session_id": self.session_id})
        finally:
            self.session_id = None
            self._token = None
