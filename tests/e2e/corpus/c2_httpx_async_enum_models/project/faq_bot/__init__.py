"""FAQ bot: an avatar that answers a fixed list of questions with the HeyGen knowledge base."""
import logging
import os

import httpx

from .models import NewSessionRequest, SessionInfo, TaskType

BASE = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.getenv("HEYGEN_API_KEY", ""), "accept": "application/json"}
QUESTIONS = ["What are your opening hours?", "Do you ship abroad?"]

log = logging.getLogger("faq_bot")


async def new_session(client: httpx.AsyncClient, req: NewSessionRequest) -> SessionInfo:
    r = await client.post("/streaming.new", json=req.model_dump(exclude_none=True))
    r.raise_for_status()
    return SessionInfo(**r.json()["data"])


async def start_session(client: httpx.AsyncClient, session_id: str) -> None:
    r = await client.post("/streaming.start", json={"session_id": session_id})
    r.raise_for_status()


async def send_task(client: httpx.AsyncClient, session_id: str, text: str, task_type: TaskType = TaskType.REPEAT) -> None:
    r = await client.post("/streaming.task", json={"session_id": session_id, "text": text, "task_type": task_type})
    r.raise_for_status()


async def interrupt(client: httpx.AsyncClient, session_id: str) -> None:
    r = await client.post("/streaming.interrupt", json={"session_id": session_id})
    r.raise_for_status()


async def stop_session(client: httpx.AsyncClient, session_id: str) -> None:
    r = await client.post("/streaming.stop", json={"session_id": session_id})
    log.info("stop: %s", r.status_code)


async def main(on_room=None):
    req = NewSessionRequest(
        avatar_id=os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
        knowledge_base_id=os.getenv("KNOWLEDGE_BASE_ID"),
        language="en",
    )
    async with httpx.AsyncClient(base_url=BASE, headers=HEADERS, timeout=30) as client:
        info = await new_session(client, req)
        await start_session(client, info.session_id)
        if on_room:
            on_room(info.url, info.access_token)
        try:
            await send_task(client, info.session_id, "Hi! Ask me anything about our shop.")
            for q in QUESTIONS:
                await send_task(client, info.session_id, q, TaskType.CHAT)
                await interrupt(client, info.session_id)
        finally:
            await stop_session(client, info.session_id)
