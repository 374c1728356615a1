"""HeyGen streaming API helper (generated from our internal API template)."""
import json
import os

import requests


class HeyGenError(Exception):
    pass


class HeyGenAPI:
    API_ROOT = "https://api.heygen.com"

    def __init__(self, api_key=None, avatar_id=None):
        self._key = api_key or os.getenv("HEYGEN_API_KEY")
        self.avatar_id = avatar_id or os.getenv("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")
        self.knowledge_base_id = os.getenv("HEYGEN_KNOWLEDGE_BASE_ID")

    def _request(self, path, params=None, method="POST"):
        url = self.API_ROOT + path
        headers = {"X-API-Key": self._key, "Accept": "application/json"}
        if method == "GET":
            resp = requests.get(url, headers=headers, params=params, timeout=20)
        else:
            headers["Content-Type"] = "application/json"
            resp = requests.post(url, headers=headers, data=json.dumps(params or {}), timeout=20)
        if resp.status_code >= 400:
            raise HeyGenError(f"{method} {path} -> {resp.status_code}: {resp.text}")
        body = resp.json()
        if body.get("error"):
            raise HeyGenError(body["error"])
        return body.get("data")

    # avatars -----------------------------------------------------------
    def list_avatars(self):
        return self._request("/v1/streaming/avatar.list", method="GET") or []

    def avatar_available(self):
        ids = [a["avatar_id"] for a in self.list_avatars()]
        if self.avatar_id not in ids:
            print(f"warning: {self.avatar_id} is not in your streaming avatar list")
            return False
        return True

    # sessions ----------------------------------------------------------
    def new_session(self, quality="medium"):
        params = {"quality": quality, "avatar_id": self.avatar_id, "version": "v2"}
        if self.knowledge_base_id:
            params["knowledge_base_id"] = self.knowledge_base_id
        return self._request("/v1/streaming.new", params)

    def start(self, session_id):
        return self._request("/v1/streaming.start", {"session_id": session_id})

    def task(self, session_id, text, task_type="chat"):
        return self._request("/v1/streaming.task", {
            "session_id": session_id,
            "text": text,
            "task_type": task_type,
            "task_mode": "sync",
        })

    def stop(self, session_id):
        return self._request("/v1/streaming.stop", {"session_id": session_id})
