import aiohttp

API = "https://api.heygen.com/v1"


class HeyGenStreamer:
    def __init__(self, api_key: str):
        self.api_key = api_key

    async def _post(self, endpoint: str, payload: dict) -> dict:
        async with aiohttp.ClientSession() as session:
            async with session.post(
                f"{API}/{endpoint}",
                json=payload,
                headers={"X-Api-Key": self.api_key, "Content-Type": "application/json"},
            ) as resp:
                body = await resp.json()
                if resp.status != 200:
                    raise RuntimeError(f"{endpoint}: {resp.status} {body}")
                return body.get("data") or {}

    async def create_and_start(self, avatar_id: str) -> dict:
        info = await self._post("streaming.new", {"avatar_id": avatar_id, "quality": "medium", "version": "v2"})
        await self._post("streaming.start", {"session_id": info["session_id"]})
        return info

    async def speak(self, session_id: str, text: str) -> None:
        await self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    async def keep_alive(self, session_id: str) -> None:
        await self._post("streaming.keep_alive", {"session_id": session_id})

    async def stop(self, session_id: str) -> None:
        await self._post("streaming.stop", {"session_id": session_id})
