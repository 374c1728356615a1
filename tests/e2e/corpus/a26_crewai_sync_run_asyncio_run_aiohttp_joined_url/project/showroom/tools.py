import asyncio
import json
import os

from crew_shim import BaseTool

from . import heygen_async


class AvatarState:
    session_id = None


STATE = AvatarState()


class OpenShowroomAvatar(BaseTool):
    name: str = "open_showroom_avatar"
    description: str = "Opens the showroom avatar and returns JSON with the LiveKit url and token for the screen."

    def _run(self, avatar_id: str = "") -> str:
        data = asyncio.run(heygen_async.create_and_start(avatar_id or os.getenv("SHOWROOM_AVATAR", "Wayne_20240711")))
        STATE.session_id = data.get("session_id")
        return json.dumps({"url": data.get("url"), "token": data.get("access_token")})


class PresentCar(BaseTool):
    name: str = "present_car"
    description: str = "Has the avatar read the given sales pitch aloud."

    def _run(self, pitch: str) -> str:
        if not STATE.session_id:
            return "error: avatar not open"
        asyncio.run(heygen_async.speak(STATE.session_id, pitch))
        return "done"


class CloseShowroomAvatar(BaseTool):
    name: str = "close_showroom_avatar"
    description: str = "Closes the avatar session."

    def _run(self) -> str:
        if STATE.session_id:
            asyncio.run(heygen_async.stop(STATE.session_id))
            STATE.session_id = None
        return "closed"
