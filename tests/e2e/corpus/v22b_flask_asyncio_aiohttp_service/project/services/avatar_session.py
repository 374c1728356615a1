import aiohttp

from .settings import SETTINGS


class HeygenApiError(RuntimeError):
    pass


def _check(payload, what):
    if payload.get("code") != 100:
        raise HeygenApiError(f"{what} failed: {payload.get('message')}")
    return payload


async def create_and_start(avatar_id, language="en"):
    async with aiohttp.ClientSession(headers=SETTINGS.headers) as http:
        async with http.post(
            f"{SETTINGS.base_url}/streaming.new",
            json={"quality": "low", "avatar_id": avatar_id, "language": language, "version": "v2"},
        ) as resp:
            data = _check(await resp.json(), "streaming.new")["data"]
        async with http.post(f"{SETTINGS.base_url}/streaming.start", json={"session_id": data["session_id"]}) as resp:
            _check(await resp.json(), "streaming.start")
    return data


async def speak(session_id, text):
    async with aiohttp.ClientSession(headers=SETTINGS.headers) as http:
        async with http.post(
            f"{SETTINGS.base_url}/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
        ) as resp:
            return _check(await resp.json(), "streaming.task")["data"]


async def stop(session_id):
    async with aiohttp.ClientSession(headers=SETTINGS.headers) as http:
        async with http.post(f"{SETTINGS.base_url}/streaming.stop", json={"session_id": session_id}) as resp:
            payload = await resp.json()
    return payload.get("message") == "success"
