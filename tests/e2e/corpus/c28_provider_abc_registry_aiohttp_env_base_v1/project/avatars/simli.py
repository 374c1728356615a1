import os

import aiohttp

from .base import AvatarProvider, LiveRoom, ProviderError, register

SIMLI_API = "https://api.simli.ai"


@register("simli")
class SimliProvider(AvatarProvider):
    def __init__(self):
        self.api_key = os.environ.get("SIMLI_API_KEY", "")

    async def _post(self, path: str, payload: dict) -> dict:
        async with aiohttp.ClientSession() as http:
            async with http.post(SIMLI_API + path, json={"apiKey": self.api_key, **payload}) as resp:
                if resp.status != 200:
                    raise ProviderError("simli", await resp.text())
                return await resp.json()

    async def open(self, avatar_id: str, **options) -> LiveRoom:
        data = await self._post("/startAudioToVideoSession", {"faceId": avatar_id, "isJPG": False})
        return LiveRoom(
            provider=self.name,
            session_id=data["session_token"],
            server_url=data.get("livekit_url", ""),
            token=data.get("livekit_token", ""),
        )

    async def say(self, room: LiveRoom, text: str) -> None:
        raise ProviderError("simli", "simli speaks audio only; send PCM frames instead")

    async def close(self, room: LiveRoom) -> None:
        await self._post("/endSession", {"session_token": room.session_id})
