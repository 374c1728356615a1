from __future__ import annotations

import httpx

from ..domain.ports import AvatarGateway, Room


class HeyGenGateway(AvatarGateway):
    def __init__(self, http: httpx.Client, api_key: str, base_url: str) -> None:
        self._http = http
        self._key = api_key
        self._base = base_url.rstrip("/")

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._key}", "Accept": "application/json"}

    def _url(self, name: str) -> str:
        return f"{self._base}/streaming.{name}"

    def _post(self, name: str, body: dict) -> dict:
        resp = self._http.post(self._url(name), json=body, headers=self.headers)
        resp.raise_for_status()
        return resp.json()

    def open_room(self, avatar_id: str) -> Room:
        payload = self._post("new", {"avatar_id": avatar_id, "version": "v2", "quality": "medium"})
        sid = payload["data"]["session_id"]
        self._post("start", {"session_id": sid})
        return Room(sid, payload["data"]["url"], payload["data"]["access_token"])

    def speak(self, session_id: str, text: str) -> None:
        self._post("task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    def interrupt(self, session_id: str) -> None:
        self._post("interrupt", {"session_id": session_id})

    def heartbeat(self, session_id: str) -> None:
        self._post("keep_alive", {"session_id": session_id})

    def close_room(self, session_id: str) -> None:
        self._post("stop", {"session_id": session_id})

    def avatars(self) -> list[str]:
        resp = self._http.get(f"{self._base}/streaming/avatar.list", headers=self.headers)
        resp.raise_for_status()
        return [a["avatar_id"] for a in resp.json()["data"]]

    def past_sessions(self) -> int:
        base = self._base.removesuffix("/v1")
        resp = self._http.get(f"{base}/v2/streaming.list", params={"page": 1, "page_size": 20}, headers=self.headers)
        resp.raise_for_status()
        return len(resp.json()["data"])
