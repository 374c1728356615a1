import os

import aiohttp
import chainlit as cl

HEYGEN_URL = os.getenv("HEYGEN_URL", "https://api.heygen.com")
AVATAR_ID = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE = os.getenv("HEYGEN_KNOWLEDGE_BASE", "")


async def heygen(path, body):
    async with aiohttp.ClientSession(headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]}) as http:
        async with http.post(f"{HEYGEN_URL}{path}", json=body) as resp:
            resp.raise_for_status()
            return await resp.json()


@cl.on_chat_start
async def start():
    res = await heygen(
        "/v1/streaming.new",
        {"avatar_id": AVATAR_ID, "quality": "medium", "version": "v2", "knowledge_base_id": KNOWLEDGE_BASE},
    )
    avatar = res["data"]
    await heygen("/v1/streaming.start", {"session_id": avatar["session_id"]})
    cl.user_session.set("avatar", avatar)
    # the custom element on the page connects with these
    await cl.Message(content=f"LIVEKIT {avatar['url']} {avatar['access_token']}").send()
    await heygen("/v1/streaming.task", {"session_id": avatar["session_id"], "text": "Hi! Ask me anything about the docs.", "task_type": "repeat"})


@cl.on_message
async def main(message: cl.Message):
    avatar = cl.user_session.get("avatar")
    if avatar is None:
        await cl.Message(content="no avatar yet").send()
        return
    if message.content.strip() == "/stop":
        await heygen("/v1/streaming.interrupt", {"session_id": avatar["session_id"]})
        await cl.Message(content="(interrupted)").send()
        return
    res = await heygen("/v1/streaming.task", {"session_id": avatar["session_id"], "text": message.content, "task_type": "chat"})
    await cl.Message(content=f"avatar is answering ({res.get('data', {}).get('task_id')})").send()


@cl.on_chat_end
async def end():
    avatar = cl.user_session.get("avatar")
    if avatar:
        await heygen("/v1/streaming.stop", {"session_id": avatar["session_id"]})
        cl.user_session.set("avatar", None)
