"""Museum tour: the avatar walks visitors through the rooms."""
import asyncio
import logging
import os

import aiohttp

log = logging.getLogger("tour")
logging.basicConfig(level=logging.INFO)

HEYGEN_API_KEY = os.environ["HEYGEN_API_KEY"]
AVATAR_ID = os.environ.get("TOUR_AVATAR", "Anna_public_3_20240108")


class HeyGenError(RuntimeError):
    pass


async def _post(http, path, token, payload=None):
    async with http.post(path, json=payload or {}, headers={"Authorization": f"Bearer {token}"}) as resp:
        data = await resp.json()
    if data["code"] != 100:
        raise HeyGenError(data["message"])
    return data["data"]


async def get_token(http):
    async with http.post("/v1/streaming.create_token", headers={"x-api-key": HEYGEN_API_KEY}) as resp:
        data = await resp.json()
    if data.get("error"):
        raise HeyGenError(data["error"])
    return data["data"]["token"]


async def main(stops, on_room=None):
    async with aiohttp.ClientSession(base_url="https://api.heygen.com") as http:
        token = await get_token(http)
        session = await _post(http, "/v1/streaming.new", token, {"avatar_id": AVATAR_ID, "quality": "high", "version": "v2"})
        session_id = session["session_id"]
        log.info("session %s created", session_id)
        try:
            await _post(http, "/v1/streaming.start", token, {"session_id": session_id})
            if on_room:
                on_room(session["url"], session["access_token"])
            for text in stops:
                await _post(http, "/v1/streaming.task", token, {"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"})
            await _post(http, "/v1/streaming.interrupt", token, {"session_id": session_id})
        finally:
            await _post(http, "/v1/streaming.stop", token, {"session_id": session_id})
            log.info("session %s stopped", session_id)


if __name__ == "__main__":
    asyncio.run(main(["Welcome to the museum!", "Please follow me to the first room."]))
