from fastapi import APIRouter

from ..services import heygen

router = APIRouter(prefix="/videos", tags=["videos"])


@router.post("")
def render(script: str):
    data = heygen.post(
        "/v2/video/generate",
        {"video_inputs": [{"character": {"type": "avatar", "avatar_id": "Daisy-inskirt-20220818"}, "voice": {"type": "text", "input_text": script}}]},
    )
    return {"video_id": data["video_id"]}


@router.get("/{video_id}")
def status(video_id: str):
    return heygen.get("/v1/video_status.get", video_id=video_id)
