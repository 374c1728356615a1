from fastapi import APIRouter, Depends

from ..config import Settings, get_settings
from ..deps import get_client
from ..heygen import HeyGenClient
from ..schemas import NewSessionData, SessionRequest, SpeakBody, TaskOut, VoiceSettings

router = APIRouter(prefix="/avatar", tags=["avatar"])


@router.post("/sessions", response_model=NewSessionData)
async def create_session(
    client: HeyGenClient = Depends(get_client),
    settings: Settings = Depends(get_settings),
):
    req = SessionRequest(
        avatar_id=settings.avatar_id,
        quality="low",
        voice=VoiceSettings(voice_id=settings.voice_id) if settings.voice_id else None,
    )
    session = await client.new_session(req)
    await client.start(session.session_id)
    return session


@router.post("/sessions/{session_id}/speak", response_model=TaskOut)
async def speak(session_id: str, body: SpeakBody, client: HeyGenClient = Depends(get_client)):
    data = await client.task(session_id, body.text, body.task_type)
    return TaskOut(**data)


@router.delete("/sessions/{session_id}", status_code=204)
async def close_session(session_id: str, client: HeyGenClient = Depends(get_client)):
    await client.stop(session_id)
