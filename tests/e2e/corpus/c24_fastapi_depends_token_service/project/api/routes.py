from fastapi import APIRouter, Depends

from api.deps import get_heygen_token
from api.service import StreamingService

router = APIRouter()


@router.post("/sessions")
async def create_session(avatar_id: str, token: str = Depends(get_heygen_token)) -> dict:
    data = await StreamingService(token).create(avatar_id)
    return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}


@router.post("/sessions/{session_id}/close")
async def close_session(session_id: str, token: str = Depends(get_heygen_token)) -> dict:
    await StreamingService(token).close(session_id)
    return {"closed": session_id}
