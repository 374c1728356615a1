"""HeyGen Interactive Avatar backend."""
import os

from .base import BaseAvatarProvider, ProviderError


class HeyGenProvider(BaseAvatarProvider):
    base_url = "https://api.heygen.com"

    def __init__(self, avatar_id=None, quality="medium"):
        self.api_key = os.environ["HEYGEN_API_KEY"]
        self.avatar_id = avatar_id or os.environ.get("AVATAR_PROVIDER_AVATAR", "Anna_public_3_20240108")
        self.quality = quality
        self.session_id = None
        super().__init__()

    def default_headers(self) -> dict:
        headers = super().default_headers()
        headers["x-api-key"] = self.api_key
        return headers

    def _request(self, method, path, **kwargs):
        body = super()._request(method, path, **kwargs)
        if body.get("code") not in (None, 100):
            raise ProviderError(body.get("message") or "HeyGen error")
        return body

    def open(self):
        body = super()._request("POST", "/v1/streaming.new", json={
            "avatar_id": self.avatar_id,
            "quality": self.quality,
            "version": "v2",
        })
        data = body["data"]
        self.session_id = data["session_id"]
        self._request("POST", "/v1/streaming.start", json={"session_id": self.session_id})
        return {"url": data["url"], "token": data["access_token"]}

    def speak(self, text):
        if not self.session_id:
            raise ProviderError("no open session")
        self._request("POST", "/v1/streaming.task", json={
            "session_id": self.session_id,
            "text": text,
            "task_type": "repeat",
        })

    def close(self):
        if self.session_id:
            self._request("POST", "/v1/streaming.stop", json={"session_id": self.session_id})
            self.session_id = None
