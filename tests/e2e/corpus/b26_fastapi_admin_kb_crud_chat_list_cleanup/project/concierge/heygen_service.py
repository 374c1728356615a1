import os
from typing import Any

import httpx


class HeyGenError(RuntimeError):
    pass


class HeyGenService:
    def __init__(self, api_key: str | None = None):
        self._http = httpx.AsyncClient(
            base_url="https://api.heygen.com/v1",
            headers={"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]},
            timeout=30,
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    @staticmethod
    def _data(resp: httpx.Response) -> Any:
        if resp.status_code >= 400:
            raise HeyGenError(f"{resp.request.url.path}: {resp.status_code} {resp.text}")
        return resp.json().get("data")

    # knowledge bases --------------------------------------------------------
    async def create_kb(self, name: str, prompt: str, opening: str) -> str:
        resp = await self._http.post(
            "/streaming/knowledge_base/create",
            json={"name": name, "prompt": prompt, "opening": opening},
        )
        return self._data(resp)["id"]

    async def update_kb(self, kb_id: str, name: str, prompt: str, opening: str) -> None:
        body = {"name": name, "prompt": prompt, "opening": opening}
        self._data(await self._http.post(f"/streaming/knowledge_base/{kb_id}", json=body))

    async def delete_kb(self, kb_id: str) -> None:
        self._data(await self._http.post(f"/streaming/knowledge_base/{kb_id}/delete"))

    # sessions ---------------------------------------------------------------
    async def open_session(self, avatar_id: str, kb_id: str) -> dict:
        data = self._data(
            await self._http.post(
                "/streaming.new",
                json={"avatar_id": avatar_id, "knowledge_base_id": kb_id, "version": "v2"},
            )
        )
        self._data(await self._http.post("/streaming.start", json={"session_id": data["session_id"]}))
        return data

    async def talk(self, session_id: str, text: str) -> None:
        self._data(
            await self._http.post(
                "/streaming.task",
                json={"session_id": session_id, "text": text, "task_type": "talk"},
            )
        )

    async def active_sessions(self) -> list[str]:
        data = self._data(await self._http.get("/streaming.list"))
        return [s["session_id"] for s in data.get("sessions", [])]

    async def stop(self, session_id: str) -> None:
        self._data(await self._http.post("/streaming.stop", json={"session_id": session_id}))
