from fastapi import APIRouter, Depends, FastAPI, HTTPException

from . import store
from .deps import get_heygen, get_room
from .heygen_http import HeyGenAPIError, HeyGenHTTP
from .schemas import Ack, LiveKitCreds, RoomIn, RoomOut, Utterance

router = APIRouter(prefix="/rooms", tags=["rooms"])


@router.post("", response_model=RoomOut, status_code=201)
def create_room(spec: RoomIn, heygen: HeyGenHTTP = Depends(get_heygen)):
    options = {"avatar_id": spec.avatar_id, "quality": spec.quality, "version": "v2"}
    if spec.knowledge_base_id:
        options["knowledge_base_id"] = spec.knowledge_base_id
    try:
        info = heygen.call("streaming.new", **options)
        heygen.call("streaming.start", session_id=info["session_id"])
    except HeyGenAPIError as exc:
        raise HTTPException(status_code=502, detail=str(exc))
    room = store.add(store.Room(heygen_session_id=info["session_id"], avatar_id=spec.avatar_id))
    return RoomOut(room_id=room.room_id, livekit=LiveKitCreds(url=info["url"], token=info["access_token"]))


@router.post("/{room_id}/say", response_model=Ack)
def say(body: Utterance, room: store.Room = Depends(get_room), heygen: HeyGenHTTP = Depends(get_heygen)):
    heygen.call("streaming.task", session_id=room.heygen_session_id, text=body.text, task_type="repeat")
    return Ack()


@router.post("/{room_id}/ask", response_model=Ack)
def ask(body: Utterance, room: store.Room = Depends(get_room), heygen: HeyGenHTTP = Depends(get_heygen)):
    heygen.call("streaming.task", session_id=room.heygen_session_id, text=body.text, task_type="chat")
    return Ack()


@router.post("/{room_id}/heartbeat", response_model=Ack)
def heartbeat(room: store.Room = Depends(get_room), heygen: HeyGenHTTP = Depends(get_heygen)):
    heygen.call("streaming.keep_alive", session_id=room.heygen_session_id)
    return Ack()


@router.delete("/{room_id}", response_model=Ack)
def close_room(room_id: str, heygen: HeyGenHTTP = Depends(get_heygen)):
    try:
        room = store.remove(room_id)
    except KeyError:
        raise HTTPException(status_code=404, detail="no such room")
    heygen.call("streaming.stop", session_id=room.heygen_session_id)
    return Ack()


app = FastAPI(title="rooms")
app.include_router(router)
