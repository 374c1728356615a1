"""The HeyGen stand-in: the Streaming API as programs of the HeyGen era used it (section 1).

It is deliberately lenient about request bodies (real HeyGen ignored fields it did not know) but
strict about auth, session ids and the session lifecycle, so that a wrong driver or program is
caught in the original phase. In the migrated phase every streaming endpoint is a problem: a
migrated program must not call HeyGen's streaming API any more (HeyGen's *video* API is not
part of the migration and keeps working in both phases).
"""

from __future__ import annotations

import itertools
import secrets
import uuid
from dataclasses import dataclass
from typing import Any, Callable

from . import livekit_tokens
from .recording import Entry, Recording
from .rooms import RoomInfo, Rooms
from .web import Request, Response

API_KEY = "hg-test-key"
LIVEKIT_URL = "wss://heygen-livekit.e2e.test"
TASK_TYPES = {"repeat": "speak_text", "chat": "speak_response", "talk": "speak_response"}
SIMPLE_CALLS = {
    "/v1/streaming.interrupt": "interrupt",
    "/v1/streaming.start_listening": "start_listening",
    "/v1/streaming.stop_listening": "stop_listening",
    "/v1/streaming.keep_alive": "keep_alive",
}


@dataclass
class HeyGenSession:
    session_id: str
    room: str
    realtime_token: str
    started: bool = False
    stopped: bool = False


class HeyGenError(Exception):
    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def ok(data: Any = None, **extra: Any) -> Response:
    return Response(200, {"code": 100, "message": "success", "data": data, **extra})


class HeyGenStandIn:
    def __init__(self, recording: Recording, rooms: Rooms, ws_base: Callable[[], str]) -> None:
        self.recording = recording
        self.rooms = rooms
        self.ws_base = ws_base
        self.reset(recording)

    def reset(self, recording: Recording) -> None:
        self.recording = recording
        self.sessions: dict[str, HeyGenSession] = {}
        self.tokens: set[str] = set()
        self.knowledge_bases: dict[str, dict[str, str]] = {}
        self.viewers = itertools.count(1)

    # Dispatch ----------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        try:
            return self._route(request)
        except HeyGenError as error:
            self.recording.problem(f"HeyGen {request.describe()}: {error}")
            return Response(error.status, {"code": error.code, "message": str(error), "data": None})

    def _route(self, request: Request) -> Response:
        path = request.path
        streaming = path.startswith(("/v1/streaming", "/v2/streaming"))
        if streaming and self.recording.phase != "heygen":
            raise HeyGenError(
                410, 40001, "HeyGen streaming API called after migration (the API is retired)"
            )
        bearer = self._authenticate(request)
        if bearer in self.tokens and request.path != "/v1/streaming.create_token":
            # The program used the token itself (a paired flow): no browser token route.
            self.recording.used_tokens.add(bearer)
        method = request.method
        body = self._body(request) if method == "POST" else {}
        if method == "POST" and path == "/v1/streaming.create_token":
            token = secrets.token_urlsafe(24)
            self.tokens.add(token)
            self.recording.add_entry(Entry("session.token", unless_token_used=token))
            return Response(200, {"error": None, "data": {"token": token}})
        if method == "POST" and path == "/v1/streaming.new":
            return self._new(body)
        if method == "POST" and path == "/v1/streaming.start":
            session = self._session(body, require_started=False)
            if session.started:
                raise HeyGenError(400, 10006, "session already started")
            session.started = True
            self.recording.add("session.start", session.session_id)
            return ok({"status": "success"})
        if method == "POST" and path == "/v1/streaming.task":
            return self._task(body)
        if method == "POST" and path in SIMPLE_CALLS:
            session = self._session(body)
            self.recording.add(SIMPLE_CALLS[path], session.session_id)
            return ok(None)
        if method == "POST" and path == "/v1/streaming.stop":
            session = self._session(body, require_started=False)
            session.stopped = True
            self.rooms.close(session.room)
            self.recording.add("stop", session.session_id)
            return ok({"status": "success"})
        if method == "POST" and path == "/v1/streaming.ice":
            self._session(body, require_started=False)
            return ok({"status": "success"})
        if method == "GET" and path == "/v1/streaming.list":
            return self._list_active()
        if method == "GET" and path == "/v2/streaming.list":
            return self._list_history(request)
        if method == "GET" and path == "/v1/streaming/avatar.list":
            self.recording.add("list.avatars")
            return ok([self._avatar("Anna_public_3_20240108"), self._avatar("Wayne_20240711")])
        if path.startswith("/v1/streaming/knowledge_base"):
            return self._knowledge_base(method, path, body)
        return self._video_api(method, path, request, body)

    def _authenticate(self, request: Request) -> str | None:
        key = request.header("x-api-key")
        authorization = request.header("authorization") or ""
        bearer = authorization[7:].strip() if authorization.lower().startswith("bearer ") else None
        # Real code sends the API key as x-api-key, as Bearer, or a create_token token as Bearer.
        if key == API_KEY or bearer == API_KEY or (bearer is not None and bearer in self.tokens):
            return bearer
        if key is None and bearer is None:
            raise HeyGenError(401, 400112, "no x-api-key or Authorization header")
        raise HeyGenError(
            401, 400112, f"unauthorized: x-api-key={key!r} Authorization={authorization!r}"
        )

    def _body(self, request: Request) -> dict[str, Any]:
        try:
            body = request.json()
        except ValueError:
            raise HeyGenError(400, 400, f"body is not JSON: {request.raw[:200]!r}") from None
        if body is None:
            return {}
        if not isinstance(body, dict):
            raise HeyGenError(400, 400, f"body is not a JSON object: {body!r}")
        return body

    def _session(self, body: dict[str, Any], *, require_started: bool = True) -> HeyGenSession:
        session = self.sessions.get(str(body.get("session_id")))
        if session is None:
            raise HeyGenError(400, 10005, f"session not found: {body.get('session_id')!r}")
        if session.stopped:
            raise HeyGenError(400, 10005, f"session {session.session_id} was already stopped")
        if require_started and not session.started:
            raise HeyGenError(400, 10007, f"session {session.session_id} was not started")
        return session

    # Sessions ------------------------------------------------------------------------------------
    def _new(self, body: dict[str, Any]) -> Response:
        avatar = body.get("avatar_id", body.get("avatar_name", "default"))
        if not isinstance(avatar, str) or not avatar:
            raise HeyGenError(400, 10013, f"avatar not found: {avatar!r}")
        session_id = str(uuid.uuid4())
        room = f"heygen-{session_id}"
        viewer = f"viewer-{next(self.viewers)}"
        self.rooms.open(RoomInfo(room, "HeyGen", session_id, LIVEKIT_URL, "HEYGEN"))
        session = HeyGenSession(session_id, room, secrets.token_urlsafe(16))
        self.sessions[session_id] = session
        self.recording.add("session.token")
        data: dict[str, Any] = {
            "session_id": session_id,
            "url": LIVEKIT_URL,
            "access_token": livekit_tokens.issue(viewer, room),
            "livekit_agent_token": livekit_tokens.issue(f"agent-{session_id[:8]}", room),
            "realtime_endpoint": (
                f"{self.ws_base()}/heygen/{session_id}?token={session.realtime_token}"
            ),
            "session_duration_limit": 600,
            "is_paid": False,
        }
        if body.get("version") != "v2":
            # v1 (raw WebRTC) sessions also got an SDP offer and ICE servers.
            data["sdp"] = {"type": "offer", "sdp": "v=0\r\n"}
            data["ice_servers2"] = [{"urls": ["stun:stun.e2e.test:3478"]}]
        return ok(data)

    def realtime_session(self, session_id: str, token: str | None) -> HeyGenSession | None:
        session = self.sessions.get(session_id)
        if session is None or token != session.realtime_token or session.stopped:
            return None
        return session

    def _task(self, body: dict[str, Any]) -> Response:
        session = self._session(body)
        text = body.get("text")
        if not isinstance(text, str) or not text:
            raise HeyGenError(400, 400, f"task needs a text, got {text!r}")
        task_type = body.get("task_type", "repeat")
        if task_type not in TASK_TYPES:
            raise HeyGenError(400, 400, f"unknown task_type {task_type!r}")
        if body.get("task_mode", "sync") not in ("sync", "async"):
            raise HeyGenError(400, 400, f"unknown task_mode {body.get('task_mode')!r}")
        self.recording.add(TASK_TYPES[task_type], session.session_id, text)
        return ok({"duration_ms": 1500.0, "task_id": uuid.uuid4().hex})

    def _list_active(self) -> Response:
        self.recording.add("list.sessions", None, "active")
        sessions = [
            {"session_id": s.session_id, "status": "connected", "created_at": 1735689600}
            for s in self.sessions.values()
            if s.started and not s.stopped
        ]
        return ok({"sessions": sessions})

    def _list_history(self, request: Request) -> Response:
        self.recording.add("list.sessions", None, "historic")
        page = int(request.query.get("page", ["1"])[0])
        page_size = int(request.query.get("page_size", ["100"])[0])
        data = [
            {
                "session_id": s.session_id,
                "status": "closed",
                "created_at": 1735689600,
                "api_key_type": "api_key",
                "duration": 42,
                "avatar_id": "Anna_public_3_20240108",
                "voice_name": "Anna",
            }
            for s in self.sessions.values()
            if s.stopped
        ]
        return Response(
            200,
            {
                "code": 100,
                "message": "success",
                "total": len(data),
                "page": page,
                "page_size": page_size,
                "next_pagination_token": None,
                "data": data,
            },
        )

    @staticmethod
    def _avatar(avatar_id: str) -> dict[str, Any]:
        return {
            "avatar_id": avatar_id,
            "created_at": 1704067200,
            "default_voice": "1bd001e7e50f421d891986aad5158bc8",
            "is_public": True,
            "normal_preview": f"https://files.heygen.ai/{avatar_id}.webp",
            "pose_name": avatar_id.split("_")[0],
            "status": "ACTIVE",
        }

    # Knowledge bases (paths seen in third-party code, api-reference 1.6) -------------------------
    def _knowledge_base(self, method: str, path: str, body: dict[str, Any]) -> Response:
        rest = path[len("/v1/streaming/knowledge_base") :].strip("/")
        if method == "GET" and rest == "list":
            self.recording.add("list.contexts")
            return ok([{"id": k, **v} for k, v in self.knowledge_bases.items()])
        if method == "POST" and rest == "create":
            record = {key: str(body.get(key, "")) for key in ("name", "opening", "prompt")}
            kb_id = uuid.uuid4().hex
            self.knowledge_bases[kb_id] = record
            self.recording.add(
                "context.create", None, record["name"], record["prompt"], record["opening"]
            )
            return ok({"id": kb_id, **record})
        kb_id, _, action = rest.partition("/")
        found = self.knowledge_bases.get(kb_id)
        if found is None:
            raise HeyGenError(404, 404, f"knowledge base {kb_id!r} not found")
        record = found
        if method == "GET" and not action:
            self.recording.add("context.get", f"ctx:{kb_id}")
            return ok({"id": kb_id, **record})
        if method == "POST" and not action:
            record.update({k: str(body[k]) for k in ("name", "opening", "prompt") if k in body})
            self.recording.add(
                "context.update",
                f"ctx:{kb_id}",
                record["name"],
                record["prompt"],
                record["opening"],
            )
            return ok({"id": kb_id, **record})
        if method == "POST" and action == "delete":
            del self.knowledge_bases[kb_id]
            self.recording.add("context.delete", f"ctx:{kb_id}")
            return ok(None)
        raise HeyGenError(404, 404, f"no knowledge-base endpoint {method} {path}")

    # HeyGen's video API: not migrated, works in both phases --------------------------------------
    def _video_api(
        self, method: str, path: str, request: Request, body: dict[str, Any]
    ) -> Response:
        if method == "POST" and path == "/v2/video/generate":
            self.recording.add("video.generate", None, str(body.get("title", "")))
            return ok({"video_id": "video-0001"})
        if method == "GET" and path == "/v1/video_status.get":
            video_id = request.query.get("video_id", [""])[0]
            self.recording.add("video.status", None, video_id)
            return ok(
                {"status": "completed", "video_url": f"https://files.heygen.ai/{video_id}.mp4"}
            )
        if method == "GET" and path in ("/v2/voices", "/v1/voice.list"):
            self.recording.add("list.voices")
            return ok(
                {"voices": [{"voice_id": "1bd001e7e50f421d891986aad5158bc8", "name": "Anna"}]}
            )
        raise HeyGenError(404, 404, f"no HeyGen endpoint {method} {path}")
