import httpx

from api.deps import HEYGEN


class StreamingService:
    def __init__(self, session_token: str) -> None:
        self._headers = {"Authorization": f"Bearer {session_token}"}

    async def create(self, avatar_id: str) -> dict:
        async with httpx.AsyncClient(base_url=HEYGEN, headers=self._headers) as client:
            new = await client.post("/v1/streaming.new", json={"avatar_id": avatar_id, "version": "v2"})
            new.raise_for_status()
            data = new.json()["data"]
            start = await client.post("/v1/streaming.start", json={"session_id": data["session_id"]})
            start.raise_for_status()
            return data

    async def close(self, session_id: str) -> None:
        async with httpx.AsyncClient(base_url=HEYGEN, headers=self._headers) as client:
            await client.post("/v1/streaming.stop", json={"session_id": session_id})
