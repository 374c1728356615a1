import os

import aiohttp

import heygen


async def open_room(avatar_id=None):
    async with aiohttp.ClientSession() as http:
        data = await heygen.new_session(http, avatar_id or os.environ["AVATAR_ID"])
        started = await heygen.start_session(http, data["session_id"])
        if started["code"] != 100:
            raise RuntimeError("start failed: %s" % started.get("message"))
        return {"url": data["url"], "token": data["access_token"], "id": data["session_id"]}


async def close_room(session_id):
    async with aiohttp.ClientSession() as http:
        await heygen.stop_session(http, session_id)
