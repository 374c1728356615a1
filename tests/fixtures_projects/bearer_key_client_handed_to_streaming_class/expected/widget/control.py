import httpx
from . import liveavatar_bridge

API = "https://api.liveavatar.com/v1"


class AvatarControl:
    def __init__(self, http: httpx.AsyncClient):
        self.http = http

    async def open(self, avatar_id):
        r = await self.http.post(
            f"{API}/sessions/token",
            json={
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        )
        data = (await liveavatar_bridge.start_session_async(r.json(), r.url))["data"]
        return data["session_id"], data["livekit_url"], data["livekit_client_token"]

    async def stop(self, session_id):
        await self.http.post(
            f"{API}/sessions/stop", json={"session_id": session_id, "reason": "USER_CLOSED"}
        )
        await liveavatar_bridge.release_async(session_id)
