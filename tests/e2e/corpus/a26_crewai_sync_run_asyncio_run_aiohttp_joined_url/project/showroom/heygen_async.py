import os

import aiohttp

SETTINGS = {
    "host": "https://api.heygen.com",
    "version": "v1",
}


def _endpoint(name):
    return "/".join([SETTINGS["host"], SETTINGS["version"], name])


def _headers():
    return {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}


async def create_and_start(avatar_id):
    async with aiohttp.ClientSession(headers=_headers()) as http:
        async with http.post(_endpoint("streaming.new"), json={"avatar_id": avatar_id, "version": "v2"}) as resp:
            payload = await resp.json()
        data = payload.get("data", {})
        async with http.post(_endpoint("streaming.start"), json={"session_id": data.get("session_id")}) as resp:
            resp.raise_for_status()
    return data


async def speak(session_id, text):
    async with aiohttp.ClientSession(headers=_headers()) as http:
        async with http.post(
            _endpoint("streaming.task"), json={"session_id": session_id, "text": text, "task_type": "repeat"}
        ) as resp:
            resp.raise_for_status()
            return (await resp.json()).get("data", {})


async def stop(session_id):
    async with aiohttp.ClientSession(headers=_headers()) as http:
        async with http.post(_endpoint("streaming.stop"), json={"session_id": session_id}) as resp:
            resp.raise_for_status()
