"""gRPC service in front of HeyGen's Streaming API: our other services ask this one for avatar
sessions instead of holding the HeyGen key themselves."""
import logging
import os

import httpx

from . import avatar_pb2
from .grpc_stub import StatusCode

logger = logging.getLogger(__name__)

SPEAK_MODES = {"SPEAK_MODE_REPEAT": "repeat", "SPEAK_MODE_ANSWER": "chat"}


class AvatarServicer:
    def __init__(self, api_key=None, base_url="https://api.heygen.com/v1"):
        self._http = httpx.Client(
            base_url=base_url,
            headers={"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]},
            timeout=20.0,
        )
        self._open = set()

    def _call(self, context, path, body):
        try:
            resp = self._http.post(path, json=body)
            resp.raise_for_status()
        except httpx.HTTPError as exc:
            logger.exception("HeyGen call %s failed", path)
            context.abort(StatusCode.UNAVAILABLE, str(exc))
        return resp.json()["data"]

    def OpenSession(self, request, context):
        body = {"avatar_id": request.avatar_id, "quality": request.quality or "medium", "version": "v2"}
        if request.knowledge_base_id:
            body["knowledge_base_id"] = request.knowledge_base_id
        data = self._call(context, "/streaming.new", body)
        self._call(context, "/streaming.start", {"session_id": data["session_id"]})
        self._open.add(data["session_id"])
        return avatar_pb2.OpenSessionReply(
            session_id=data["session_id"], room_url=data["url"], room_token=data["access_token"]
        )

    def Speak(self, request, context):
        if request.session_id not in self._open:
            context.abort(StatusCode.NOT_FOUND, "no such session")
        data = self._call(
            context,
            "/streaming.task",
            {
                "session_id": request.session_id,
                "text": request.text,
                "task_type": SPEAK_MODES[request.mode or "SPEAK_MODE_REPEAT"],
            },
        )
        return avatar_pb2.SpeakReply(task_id=data["task_id"])

    def Interrupt(self, request, context):
        self._call(context, "/streaming.interrupt", {"session_id": request.session_id})
        return avatar_pb2.Empty()

    def CloseSession(self, request, context):
        if request.session_id in self._open:
            self._call(context, "/streaming.stop", {"session_id": request.session_id})
            self._open.discard(request.session_id)
        return avatar_pb2.Empty()
