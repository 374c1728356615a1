"""The strict LiveAvatar stand-in (api-reference section 3).

Everything LiveAvatar would refuse is refused here with the status it would give (401, 404,
422 ...) *and* recorded as a problem, because a program may swallow an error status that a
test must not miss. Sessions are LiveKit rooms (see rooms.py); LITE sessions also get a
``ws_url`` served by realtime.py.
"""

from __future__ import annotations

import os
import secrets
import uuid
from dataclasses import dataclass
from typing import Any, Callable

from . import livekit_tokens, schema
from .recording import Recording
from .rooms import RoomInfo, Rooms
from .web import Request, Response

API_KEY = "la-test-key"
HEYGEN_API_KEY = "hg-test-key"
LIVEKIT_URL = "wss://liveavatar-livekit.e2e.test"
SANDBOX_AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"


@dataclass
class LiveAvatarSession:
    session_id: str
    session_token: str
    mode: str
    room: str
    ws_token: str
    has_ws: bool
    started: bool = False
    stopped: bool = False


class Refused(Exception):
    def __init__(self, status: int, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail


# LiveAvatar's success code is 100 in its OpenAPI document and 1000 in its web SDK, and its
# message is not HeyGen's "success" (the API reference's known inconsistencies): a migrated
# program must depend on neither. The stand-in answers 100 and "success" unless told otherwise
# (``success_code``/``success_message``, or ``E2E_LIVEAVATAR_SUCCESS_CODE=1000
# E2E_LIVEAVATAR_SUCCESS_MESSAGE=OK`` for a whole run).
SUCCESS_CODE = int(os.environ.get("E2E_LIVEAVATAR_SUCCESS_CODE", "100"))
SUCCESS_MESSAGE = os.environ.get("E2E_LIVEAVATAR_SUCCESS_MESSAGE", "success")


class LiveAvatarStandIn:
    def __init__(self, recording: Recording, rooms: Rooms, ws_base: Callable[[], str]) -> None:
        self.rooms = rooms
        self.ws_base = ws_base
        self.reset(recording)

    success_code = SUCCESS_CODE
    success_message = SUCCESS_MESSAGE

    def _envelope(self, data: Any, status: int = 200) -> Response:
        return Response(
            status, {"code": self.success_code, "message": self.success_message, "data": data}
        )

    def reset(self, recording: Recording) -> None:
        self.recording = recording
        self.sessions: dict[str, LiveAvatarSession] = {}
        self.by_token: dict[str, LiveAvatarSession] = {}
        self.contexts: dict[str, dict[str, Any]] = {}

    def handle(self, request: Request) -> Response:
        try:
            if self.recording.phase != "liveavatar":
                raise Refused(500, "LiveAvatar called before migration (in the HeyGen phase)")
            return self._route(request)
        except Refused as error:
            self.recording.problem(f"LiveAvatar {request.describe()}: {error}")
            detail = error.detail if error.detail is not None else str(error)
            return Response(error.status, {"detail": detail})

    # Auth and bodies ----------------------------------------------------------------------------
    def _auth(self, request: Request, *, key: bool, bearer: bool) -> LiveAvatarSession | None:
        """Check auth; returns the session a Bearer token names (None for the API key)."""
        api_key = request.header("x-api-key")
        authorization = request.header("authorization")
        if api_key == HEYGEN_API_KEY or (authorization or "").endswith(HEYGEN_API_KEY):
            raise Refused(401, "a HeyGen API key was sent to LiveAvatar (LiveAvatar needs its own)")
        if bearer and authorization is not None:
            scheme, _, token = authorization.partition(" ")
            session = self.by_token.get(token.strip()) if scheme.lower() == "bearer" else None
            if session is None:
                raise Refused(
                    401, f"Authorization {authorization[:20]!r}... is not a session token"
                )
            return session
        if key and api_key == API_KEY:
            return None
        if key and api_key is not None:
            raise Refused(401, f"X-API-KEY {api_key!r} is not a LiveAvatar API key")
        wanted = " or ".join(
            name for name, on in (("X-API-KEY", key), ("Bearer <session_token>", bearer)) if on
        )
        if not bearer and authorization is not None:
            raise Refused(401, f"this endpoint takes {wanted}, not an Authorization header")
        raise Refused(401, f"missing auth: this endpoint takes {wanted}")

    @staticmethod
    def _json(request: Request, *, default: Any = None) -> Any:
        try:
            body = request.json()
        except ValueError:
            raise Refused(422, f"body is not JSON: {request.raw[:200]!r}") from None
        return default if body is None else body

    @staticmethod
    def _validate(body: Any, check: schema.Check) -> None:
        errors = schema.validate(body, check)
        if errors:
            raise Refused(
                422,
                "; ".join(errors),
                [{"loc": ["body"], "msg": message, "type": "value_error"} for message in errors],
            )

    # Routing ---------------------------------------------------------------------------------------
    def _route(self, request: Request) -> Response:
        method, path = request.method, request.path
        if method == "POST" and path == "/v1/sessions/token":
            return self._token(request)
        if method == "POST" and path == "/v1/sessions/start":
            return self._start(request)
        if method == "POST" and path == "/v1/sessions/stop":
            return self._stop(request)
        if method == "POST" and path == "/v1/sessions/keep-alive":
            return self._keep_alive(request)
        if method == "GET" and path == "/v1/sessions":
            return self._list_sessions(request)
        if method == "GET" and path.startswith("/v1/sessions/"):
            self._auth(request, key=True, bearer=False)
            session = self.sessions.get(path.rsplit("/", 1)[1])
            if session is None:
                raise Refused(404, f"no session {path.rsplit('/', 1)[1]!r}")
            self.recording.add("session.get", session.session_id)
            return self._envelope(self._session_entry(session))
        if method == "GET" and path in ("/v1/avatars", "/v1/avatars/public"):
            if path == "/v1/avatars":
                self._auth(request, key=True, bearer=False)
            self.recording.add("list.avatars", None, path.rsplit("/", 1)[1])
            return self._envelope(self._page(request, [self._avatar()]))
        if method == "GET" and path == "/v1/voices":
            self._auth(request, key=True, bearer=False)
            self.recording.add("list.voices")
            return self._envelope(self._page(request, []))
        if path == "/v1/contexts" or path.startswith("/v1/contexts/"):
            return self._contexts(request)
        raise Refused(404, f"no LiveAvatar endpoint {method} {path}")

    # Sessions -------------------------------------------------------------------------------------
    def _token(self, request: Request) -> Response:
        if request.header("authorization") is not None and request.header("x-api-key") is None:
            self._auth(request, key=True, bearer=True)  # raises for a HeyGen key
            raise Refused(401, "only an API key can mint a session token, not a session token")
        self._auth(request, key=True, bearer=False)
        body = self._json(request)
        if not isinstance(body, dict):
            raise Refused(422, f"the body must be a JSON object, got {body!r}")
        mode = body.get("mode", "FULL")
        if mode not in ("FULL", "LITE"):
            raise Refused(422, f"mode: {mode!r} is not 'FULL' or 'LITE'")
        self._validate(body, schema.FULL_TOKEN if mode == "FULL" else schema.LITE_TOKEN)
        if mode == "FULL" and ("avatar_persona" in body) == ("voice_agent" in body):
            raise Refused(422, "FULL needs avatar_persona (or voice_agent, not both)")
        if body.get("is_sandbox") and body["avatar_id"] != SANDBOX_AVATAR:
            raise Refused(422, f"is_sandbox works only with avatar {SANDBOX_AVATAR}")
        persona = body.get("avatar_persona") or {}
        session_id = str(uuid.uuid4())
        session = LiveAvatarSession(
            session_id=session_id,
            session_token=f"la-session.{secrets.token_urlsafe(24)}",
            mode=mode,
            room=f"liveavatar-{session_id}",
            ws_token=secrets.token_urlsafe(16),
            # The ElevenLabs-agent connector uses LiveKit events instead of a WebSocket.
            has_ws=mode == "LITE" and "elevenlabs_agent_config" not in body,
        )
        self.sessions[session_id] = session
        self.by_token[session.session_token] = session
        self.rooms.open(
            RoomInfo(
                name=session.room,
                api="LiveAvatar",
                session_id=session_id,
                url=LIVEKIT_URL,
                mode="FULL" if mode == "FULL" or not session.has_ws else "LITE",
                has_context="context_id" in persona or "voice_agent" in body,
                client_identity=f"client-{session_id[:8]}",
                agent_identity=f"agent-{session_id[:8]}",
                interactivity=body.get("interactivity_type", "CONVERSATIONAL"),
            )
        )
        self.recording.add("session.token")
        return self._envelope({"session_id": session_id, "session_token": session.session_token})

    def _start(self, request: Request) -> Response:
        if request.header("authorization") is None:
            api_key = request.header("x-api-key")
            if api_key == HEYGEN_API_KEY:
                raise Refused(401, "a HeyGen API key was sent to LiveAvatar (start needs Bearer)")
            if api_key is not None:
                raise Refused(401, "start takes only Bearer <session_token>, not X-API-KEY")
            raise Refused(401, "start needs Authorization: Bearer <session_token>")
        session = self._auth(request, key=False, bearer=True)
        assert session is not None
        if request.raw.strip():
            raise Refused(422, f"start takes no body, got {request.raw[:200]!r}")
        if session.stopped:
            raise Refused(400, "start: the session was stopped")
        if session.started:
            raise Refused(400, "start: the session was already started (a second start)")
        session.started = True
        self.recording.add("session.start", session.session_id)
        room = self.rooms.rooms[session.room]
        data: dict[str, Any] = {
            "session_id": session.session_id,
            "livekit_url": LIVEKIT_URL,
            "livekit_client_token": livekit_tokens.issue(room.client_identity, session.room),
            "livekit_agent_token": livekit_tokens.issue(room.agent_identity, session.room),
            "max_session_duration": 1200,
        }
        if session.has_ws:
            data["ws_url"] = (
                f"{self.ws_base()}/liveavatar/{session.session_id}?token={session.ws_token}"
            )
        return self._envelope(data, 201)

    def _named_session(
        self, request: Request, check: schema.Check
    ) -> tuple[LiveAvatarSession, Any]:
        by_bearer = self._auth(request, key=True, bearer=True)
        body = self._json(request, default={})
        self._validate(body, check)
        named = body.get("session_id")
        if by_bearer is not None and named is not None and named != by_bearer.session_id:
            raise Refused(403, "session_id is not the session of the Bearer token")
        if by_bearer is None and named is None:
            raise Refused(422, "session_id is required when authenticating with X-API-KEY")
        session = by_bearer or self.sessions.get(named)
        if session is None:
            raise Refused(404, f"no session {named!r}")
        if session.stopped:
            raise Refused(400, f"session {session.session_id} was already stopped")
        return session, body

    def _stop(self, request: Request) -> Response:
        session, _ = self._named_session(request, schema.STOP)
        session.stopped = True
        self.rooms.close(session.room)
        self.recording.add("stop", session.session_id)
        return self._envelope(None)

    def _keep_alive(self, request: Request) -> Response:
        session, _ = self._named_session(request, schema.KEEP_ALIVE)
        self.recording.add("keep_alive", session.session_id)
        return self._envelope(None)

    def _list_sessions(self, request: Request) -> Response:
        self._auth(request, key=True, bearer=False)
        kind = request.query.get("type", [None])[0]
        if kind not in ("active", "historic"):
            raise Refused(422, f"query type is required: 'active' or 'historic', got {kind!r}")
        self.recording.add("list.sessions", None, kind)
        chosen = [
            self._session_entry(s)
            for s in self.sessions.values()
            if s.started and (s.stopped == (kind == "historic"))
        ]
        return self._envelope(self._page(request, chosen))

    @staticmethod
    def _session_entry(session: LiveAvatarSession) -> dict[str, Any]:
        entry = {
            "id": session.session_id,
            "created_at": "2025-01-01T00:00:00Z",
            "updated_at": "2025-01-01T00:00:42Z",
            "duration": 42,
            "source": "API",
            "mode": session.mode,
            "is_sandbox": False,
            "credits_consumed": 0.5,
        }
        if session.stopped:
            entry.update(end_at="2025-01-01T00:00:42Z", end_reason="USER_CLOSED")
        return entry

    @staticmethod
    def _page(request: Request, results: list[Any]) -> dict[str, Any]:
        try:
            page = int(request.query.get("page", ["1"])[0])
            size = int(request.query.get("page_size", ["20"])[0])
        except ValueError:
            raise Refused(422, f"page/page_size must be integers: {request.query}") from None
        if page < 1 or not 1 <= size <= 100:
            raise Refused(422, f"page >= 1 and 1 <= page_size <= 100, got {page}, {size}")
        chunk = results[(page - 1) * size : page * size]
        more = len(results) > page * size
        return {
            "count": len(results),
            "next": f"https://api.liveavatar.com{request.path}?page={page + 1}" if more else None,
            "previous": None,
            "results": chunk,
        }

    @staticmethod
    def _avatar() -> dict[str, Any]:
        return {
            "id": SANDBOX_AVATAR,
            "space_id": None,
            "type": "VIDEO",
            "status": "ACTIVE",
            "name": "Sandbox",
            "preview_url": "https://files.liveavatar.com/sandbox.webp",
            "is_expired": False,
            "default_voice": {"id": str(uuid.UUID(int=1)), "name": "Default"},
            "is_1080p": False,
            "created_at": "2025-01-01T00:00:00Z",
            "updated_at": "2025-01-01T00:00:00Z",
            "error_message": None,
        }

    # Contexts (the knowledge bases' successor) ---------------------------------------------------
    def _contexts(self, request: Request) -> Response:
        self._auth(request, key=True, bearer=False)
        method = request.method
        context_id = request.path[len("/v1/contexts") :].strip("/")
        if not context_id:
            if method == "GET":
                self.recording.add("list.contexts")
                return self._envelope(self._page(request, list(self.contexts.values())))
            if method == "POST":
                body = self._json(request)
                self._validate(body, schema.CONTEXT)
                new_id = str(uuid.uuid4())
                self.contexts[new_id] = {"id": new_id, "links": [], **body}
                self.recording.add(
                    "context.create", None, body["name"], body["prompt"], body["opening_text"]
                )
                return self._envelope(self.contexts[new_id])
            raise Refused(405, f"{method} /v1/contexts is not allowed")
        record = self.contexts.get(context_id)
        if record is None:
            raise Refused(404, f"no context {context_id!r}")
        if method == "GET":
            self.recording.add("context.get", f"ctx:{context_id}")
            return self._envelope(record)
        if method == "PATCH":
            body = self._json(request)
            self._validate(body, schema.CONTEXT)
            record.update(body)
            self.recording.add(
                "context.update",
                f"ctx:{context_id}",
                record["name"],
                record["prompt"],
                record["opening_text"],
            )
            return self._envelope(record)
        if method == "DELETE":
            del self.contexts[context_id]
            self.recording.add("context.delete", f"ctx:{context_id}")
            return self._envelope(None)
        raise Refused(405, f"{method} /v1/contexts/{{id}} is not allowed")

    def ws_session(self, session_id: str, token: str | None) -> LiveAvatarSession | None:
        session = self.sessions.get(session_id)
        if session is None or token != session.ws_token or not session.has_ws:
            return None
        return session
