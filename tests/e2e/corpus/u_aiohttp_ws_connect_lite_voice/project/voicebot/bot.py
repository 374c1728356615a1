"""Turn loop: user text -> our LLM (a canned one here) -> the avatar speaks it."""
import asyncio

import aiohttp

from .avatar import AvatarFace

REPLIES = {
    "hi": "Hi there! I am the store assistant.",
    "hours": "We are open from nine to six, Monday to Saturday.",
}


def reply_to(text: str) -> str:
    return REPLIES.get(text.strip().lower(), "Sorry, I did not catch that.")


async def converse(avatar_id, turns, show):
    async with aiohttp.ClientSession() as http:
        face = AvatarFace(http, avatar_id)
        url, token = await face.start()
        show(url, token)
        try:
            for turn in turns:
                await face.listen()
                await face.listen(on=False)
                await face.speak(reply_to(turn))
                await face.ping()
            await face.cut()
            # let the last frames reach the avatar before hanging up (the socket is buffered)
            await asyncio.sleep(0.5)
        finally:
            await face.close()
