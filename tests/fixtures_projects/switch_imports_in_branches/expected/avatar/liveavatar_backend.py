import aiohttp

from .settings import LIVEAVATAR_API_KEY

API = "https://api.liveavatar.com/v1"


class LiveAvatarBackend:
    def __init__(self, api_key: str = LIVEAVATAR_API_KEY) -> None:
        self._headers = {"X-API-KEY": api_key}

    async def open(self, http: aiohttp.ClientSession, avatar: str) -> dict:
        async with http.post(
            f"{API}/sessions/token", json={"mode": "FULL", "avatar_id": avatar}, headers=self._headers
        ) as response:
            token = (await response.json())["data"]["session_token"]
        async with http.post(
            f"{API}/sessions/start", headers={"Authorization": f"Bearer {token}"}
        ) as response:
            return (await response.json())["data"]

    async def close(self, http: aiohttp.ClientSession, session_id: str) -> None:
        async with http.post(
            f"{API}/sessions/stop",
            json={"session_id": session_id, "reason": "USER_CLOSED"},
            headers=self._headers,
        ) as response:
            response.raise_for_status()
