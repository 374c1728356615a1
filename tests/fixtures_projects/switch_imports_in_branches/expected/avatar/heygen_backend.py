import aiohttp

from .settings import HEYGEN_API_KEY

API = "https://api.heygen.com/v1"


# TODO(heygen2liveavatar): H2L901 this module is the HeyGen backend of a provider switch (`avatar/backend.py` chooses between it and `LiveAvatarBackend`): left as it is on purpose; delete it with its branch of the switch once no configuration selects HeyGen
class HeyGenBackend:
    def __init__(self, api_key: str = HEYGEN_API_KEY) -> None:
        self._headers = {"X-Api-Key": api_key}

    async def open(self, http: aiohttp.ClientSession, avatar: str) -> dict:
        async with http.post(
            f"{API}/streaming.new", json={"avatar_id": avatar, "version": "v2"}, headers=self._headers
        ) as response:
            session = (await response.json())["data"]
        async with http.post(
            f"{API}/streaming.start", json={"session_id": session["session_id"]}, headers=self._headers
        ) as response:
            response.raise_for_status()
        return session

    async def say(self, http: aiohttp.ClientSession, session_id: str, text: str) -> None:
        async with http.post(
            f"{API}/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
            headers=self._headers,
        ) as response:
            response.raise_for_status()

    async def close(self, http: aiohttp.ClientSession, session_id: str) -> None:
        async with http.post(
            f"{API}/streaming.stop", json={"session_id": session_id}, headers=self._headers
        ) as response:
            response.raise_for_status()
