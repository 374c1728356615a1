from fastapi import BackgroundTasks, Depends, FastAPI, Query
from pydantic import BaseModel

from .heygen_service import HeyGenService

app = FastAPI(title="helpdesk avatar")


class Opened(BaseModel):
    session_id: str
    livekit_url: str
    livekit_token: str


@app.post("/avatar", response_model=Opened)
def open_avatar(heygen: HeyGenService = Depends()):
    data = heygen.open()
    return Opened(session_id=data["session_id"], livekit_url=data["url"], livekit_token=data["access_token"])


@app.post("/avatar/{session_id}/say")
def say(session_id: str, text: str = Query(...), task_type: str = Query("repeat"), heygen: HeyGenService = Depends()):
    heygen.speak(session_id, text, task_type)
    return {"ok": True}


@app.post("/avatar/{session_id}/goodbye")
def goodbye(session_id: str, background: BackgroundTasks, heygen: HeyGenService = Depends()):
    heygen.speak(session_id, "Thanks for visiting the help desk. Goodbye!")
    background.add_task(heygen.close, session_id)
    return {"closing": True}
