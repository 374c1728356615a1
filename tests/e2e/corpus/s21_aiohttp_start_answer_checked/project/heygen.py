import os

import aiohttp

API = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


async def new_session(http: aiohttp.ClientSession, avatar_id: str) -> dict:
    async with http.post(f"{API}/streaming.new", json={"avatar_id": avatar_id}, headers=HEADERS) as resp:
        body = await resp.json()
        return body["data"]


async def start_session(http: aiohttp.ClientSession, session_id: str) -> dict:
    async with http.post(f"{API}/streaming.start", json={"session_id": session_id}, headers=HEADERS) as resp:
        return await resp.json()


async def stop_session(http: aiohttp.ClientSession, session_id: str) -> None:
    async with http.post(f"{API}/streaming.stop", json={"session_id": session_id}, headers=HEADERS) as resp:
        resp.raise_for_status()
