import httpx

API = "https://api.heygen.com/v1"


class AvatarControl:
    def __init__(self, http: httpx.AsyncClient):
        self.http = http

    async def open(self, avatar_id):
        r = await self.http.post(f"{API}/streaming.new", json={"avatar_id": avatar_id})
        data = r.json()["data"]
        await self.http.post(f"{API}/streaming.start", json={"session_id": data["session_id"]})
        return data["session_id"], data["url"], data["access_token"]

    async def stop(self, session_id):
        await self.http.post(f"{API}/streaming.stop", json={"session_id": session_id})
