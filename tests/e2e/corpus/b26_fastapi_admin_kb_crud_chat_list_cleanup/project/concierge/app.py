import os
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from .heygen_service import HeyGenError, HeyGenService

service: HeyGenService | None = None


@asynccontextmanager
async def lifespan(app: FastAPI):
    global service
    service = HeyGenService()
    yield
    await service.aclose()


app = FastAPI(lifespan=lifespan)


class KnowledgeIn(BaseModel):
    name: str
    prompt: str
    opening: str = "Hello! How can I help?"


class Question(BaseModel):
    session_id: str
    text: str


@app.post("/admin/kb")
async def create_kb(body: KnowledgeIn):
    kb_id = await service.create_kb(body.name, body.prompt, body.opening)
    return {"kb_id": kb_id}


@app.patch("/admin/kb/{kb_id}")
async def update_kb(kb_id: str, body: KnowledgeIn):
    await service.update_kb(kb_id, body.name, body.prompt, body.opening)
    return {"ok": True}


@app.delete("/admin/kb/{kb_id}")
async def delete_kb(kb_id: str):
    await service.delete_kb(kb_id)
    return {"ok": True}


@app.post("/guest/session/{kb_id}")
async def guest_session(kb_id: str):
    try:
        data = await service.open_session(os.environ["CONCIERGE_AVATAR"], kb_id)
    except HeyGenError as exc:
        raise HTTPException(502, str(exc))
    return {"session_id": data["session_id"], "room": {"url": data["url"], "token": data["access_token"]}}


@app.post("/guest/ask")
async def ask(q: Question):
    await service.talk(q.session_id, q.text)
    return {"ok": True}


@app.post("/admin/close-all")
async def close_all():
    ids = await service.active_sessions()
    for sid in ids:
        await service.stop(sid)
    return {"closed": len(ids)}
