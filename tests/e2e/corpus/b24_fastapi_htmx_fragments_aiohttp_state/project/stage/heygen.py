"""Async HeyGen Streaming client, one per app (created in the lifespan, kept on app.state)."""
import aiohttp


class HeyGenAPIError(Exception):
    pass


class HeyGenLive:
    def __init__(self, api_key: str, base_url: str):
        # aiohttp joins relative paths onto base_url, which must end with a slash
        self._http = aiohttp.ClientSession(
            base_url=base_url if base_url.endswith("/") else base_url + "/",
            headers={"x-api-key": api_key},
            timeout=aiohttp.ClientTimeout(total=30),
        )

    async def _post(self, path: str, payload: dict) -> dict:
        async with self._http.post(path, json=payload) as resp:
            body = await resp.json(content_type=None)
        if resp.status != 200 or body.get("code") != 100:
            raise HeyGenAPIError(f"{path}: {resp.status} {body.get('message')}")
        return body["data"]

    async def open_room(self, avatar_id: str) -> dict:
        room = await self._post(
            "v1/streaming.new",
            {"avatar_id": avatar_id, "quality": "medium", "version": "v2", "video_encoding": "VP8"},
        )
        await self._post("v1/streaming.start", {"session_id": room["session_id"]})
        return room

    async def say(self, session_id: str, text: str) -> dict:
        return await self._post(
            "v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"}
        )

    async def interrupt(self, session_id: str) -> None:
        await self._post("v1/streaming.interrupt", {"session_id": session_id})

    async def close_room(self, session_id: str) -> None:
        await self._post("v1/streaming.stop", {"session_id": session_id})

    async def aclose(self) -> None:
        await self._http.close()
