from fastapi import FastAPI

from . import config
from .heygen import Http, call
from .schemas import SessionInfo, SpeakRequest, StartRequest

app = FastAPI(title="avatar-service")


@app.post("/v1/avatar/start", response_model=SessionInfo, response_model_by_alias=True)
async def start(req: StartRequest, http: Http) -> SessionInfo:
    data = await call(http, "/v1/streaming.new", {
        "avatar_id": req.avatar_id or config.DEFAULT_AVATAR,
        "quality": req.quality,
        "version": "v2",
    })
    await call(http, "/v1/streaming.start", {"session_id": data["session_id"]})
    return SessionInfo.model_validate(data)


@app.post("/v1/avatar/{session_id}/speak")
async def speak(session_id: str, req: SpeakRequest, http: Http) -> dict:
    await call(http, "/v1/streaming.task", {"session_id": session_id, "text": req.text, "task_type": req.task_type})
    return {"ok": True}


@app.post("/v1/avatar/{session_id}/stop")
async def stop(session_id: str, http: Http) -> dict:
    await call(http, "/v1/streaming.stop", {"session_id": session_id})
    return {"ok": True}
