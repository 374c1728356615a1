"""Migrated programs run against a local LiveAvatar stand-in and do what the originals did.

Each program in ``tests/e2e_programs/`` is a small HeyGen Streaming client (requests, aiohttp,
a flow split across functions). The test migrates it with :func:`migrate_source` into a
temporary directory, writes the helper module beside it as the engine does, and runs it with
its base URL pointed at an HTTP server on 127.0.0.1 that checks requests the way LiveAvatar's
API reference (section 3) describes, while ``liveavatar_bridge._room_factory`` swaps the
LiveKit room for a recorder. The HTTP calls and the published events are then compared, in
order, with what the original program meant to do. No network is used.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import sys
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from heygen2liveavatar import migrate_source
from heygen2liveavatar.engine.transform import support_module_source
from heygen2liveavatar.rules import RULES_BY_CODE

PROGRAMS = Path(__file__).parent / "e2e_programs"
API_KEY = "la-test-key"
LIVEKIT_URL = "wss://livekit.example.invalid"
END_REASONS = {
    "UNKNOWN",
    "USER_DISCONNECTED",
    "SERVER_ERROR",
    "IDLE_TIMEOUT",
    "NO_CREDITS",
    "USER_CLOSED",
    "AVATAR_DELETED",
    "MAX_DURATION_REACHED",
    "ZOMBIE_SESSION_REAP",
    "AGENT_HANG_UP",
}
SESSION_FLOW_RULES = ("H2L101", "H2L102", "H2L103", "H2L104")


# The LiveAvatar stand-in ----------------------------------------------------------------------
class LiveAvatarStandIn:
    """Records every call in ``timeline`` and every broken rule of the API in ``problems``."""

    def __init__(self, timeline: list[tuple[Any, ...]]) -> None:
        self.timeline = timeline
        self.problems: list[str] = []
        self.sessions: dict[str, dict[str, str]] = {}
        self.lock = threading.Lock()

    def handle(self, method: str, path: str, headers: Any, raw: bytes) -> tuple[int, Any]:
        body: Any = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                return self.fail(f"{path}: body is not JSON", 422)
        api_key = headers.get("X-API-KEY")
        authorization = headers.get("Authorization")
        with self.lock:
            self.timeline.append(("http", method, path, body))
        if method != "POST":
            return self.fail(f"{method} {path}: not a LiveAvatar endpoint", 404)
        if path == "/v1/sessions/token":
            return self.token(api_key, authorization, body)
        if path == "/v1/sessions/start":
            return self.start(api_key, authorization, raw)
        if path in ("/v1/sessions/keep-alive", "/v1/sessions/stop"):
            return self.session_call(path, api_key, authorization, body)
        return self.fail(f"POST {path}: not a LiveAvatar endpoint", 404)

    def fail(self, problem: str, status: int) -> tuple[int, Any]:
        self.problems.append(problem)
        return status, {"detail": problem}

    def token(self, api_key: str | None, authorization: str | None, body: Any) -> tuple[int, Any]:
        if api_key != API_KEY:
            return self.fail("token: X-API-KEY missing or wrong", 401)
        if authorization is not None:
            return self.fail("token: unexpected Authorization header", 401)
        if not isinstance(body, dict) or body.get("mode") not in ("FULL", "LITE"):
            return self.fail(f"token: body must carry a mode, got {body!r}", 422)
        if not body.get("avatar_id"):
            return self.fail("token: avatar_id is required", 422)
        session_id = str(uuid.uuid4())
        self.sessions[session_id] = {
            "session_token": f"jwt-{uuid.uuid4().hex}",
            "livekit_client_token": f"client-{uuid.uuid4().hex}",
            "livekit_agent_token": f"agent-{uuid.uuid4().hex}",
        }
        data = {
            "session_id": session_id,
            "session_token": self.sessions[session_id]["session_token"],
        }
        return 200, {"code": 100, "message": "success", "data": data}

    def start(self, api_key: str | None, authorization: str | None, raw: bytes) -> tuple[int, Any]:
        if api_key is not None:
            return self.fail("start: only the session token is accepted, not X-API-KEY", 401)
        match = [
            sid
            for sid, record in self.sessions.items()
            if authorization == f"Bearer {record['session_token']}"
        ]
        if not match:
            return self.fail("start: Authorization must be Bearer <session_token>", 401)
        if raw:
            return self.fail(f"start: takes no body, got {raw!r}", 422)
        session_id = match[0]
        record = self.sessions[session_id]
        data = {
            "session_id": session_id,
            "livekit_url": LIVEKIT_URL,
            "livekit_client_token": record["livekit_client_token"],
            "livekit_agent_token": record["livekit_agent_token"],
            "max_session_duration": 1200,
        }
        return 201, {"code": 100, "message": "success", "data": data}

    def session_call(
        self, path: str, api_key: str | None, authorization: str | None, body: Any
    ) -> tuple[int, Any]:
        session_id = body.get("session_id") if isinstance(body, dict) else None
        record = self.sessions.get(session_id or "")
        if record is None:
            return self.fail(f"{path}: unknown session_id in {body!r}", 422)
        if api_key != API_KEY and authorization != f"Bearer {record['session_token']}":
            return self.fail(f"{path}: X-API-KEY or the session token is required", 401)
        if path.endswith("/stop") and body.get("reason") not in END_REASONS:
            return self.fail(f"stop: reason must be an end reason, got {body!r}", 422)
        return 200, {"code": 100, "message": "success", "data": None}


@pytest.fixture
def standin() -> Iterator[tuple[str, LiveAvatarStandIn]]:
    api = LiveAvatarStandIn([])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self._answer("POST")

        def do_GET(self) -> None:
            self._answer("GET")

        def _answer(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            status, payload = api.handle(method, self.path, self.headers, raw)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", api
    finally:
        server.shutdown()
        server.server_close()


class RecordingRoom:
    """Stands in for ``livekit.rtc.Room``; appends what the bridge does to the shared timeline."""

    def __init__(self, timeline: list[tuple[Any, ...]]) -> None:
        self.timeline = timeline
        self.local_participant = self

    async def connect(self, url: str, token: str) -> None:
        self.timeline.append(("room", "connect", url, token))

    async def publish_data(self, payload: bytes, *, reliable: bool, topic: str) -> None:
        self.timeline.append(("room", "publish", json.loads(payload), reliable, topic))

    async def disconnect(self) -> None:
        self.timeline.append(("room", "disconnect"))


# Running a migrated program -------------------------------------------------------------------
def migrate_program(name: str, directory: Path) -> Path:
    missing = [code for code in SESSION_FLOW_RULES if code not in RULES_BY_CODE]
    if missing:
        pytest.skip(f"the session-flow rules {', '.join(missing)} are not registered yet")
    source = (PROGRAMS / name).read_text(encoding="utf-8")
    result = migrate_source(source, filename=name)
    assert result.changed
    assert "streaming." not in result.code, "a HeyGen streaming call survived the migration"
    assert set(result.support_modules) == {"liveavatar_bridge"}
    (directory / name).write_text(result.code, encoding="utf-8")
    (directory / "liveavatar_bridge.py").write_text(
        support_module_source("liveavatar_bridge"), encoding="utf-8"
    )
    return directory / name


@pytest.fixture
def isolated_imports(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """``tmp_path`` on ``sys.path``; modules imported from it are forgotten afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    try:
        yield tmp_path
    finally:
        bridge = sys.modules.get("liveavatar_bridge")
        if bridge is not None and str(tmp_path) in str(getattr(bridge, "__file__", "")):
            bridge._room_factory = None
        for name in set(sys.modules) - before:
            # Only what was imported from the temporary directory: third-party modules such
            # as requests must stay (re-importing them breaks their isinstance checks).
            if str(tmp_path) in str(getattr(sys.modules[name], "__file__", "") or ""):
                del sys.modules[name]


def load(path: Path, timeline: list[tuple[Any, ...]]) -> ModuleType:
    """Import the migrated program (not as ``__main__``) with the recording room in place."""
    import liveavatar_bridge  # the copy written beside the program

    assert Path(liveavatar_bridge.__file__).parent == path.parent
    liveavatar_bridge._room_factory = lambda: RecordingRoom(timeline)
    spec = importlib.util.spec_from_file_location(f"migrated_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def http_calls(timeline: list[tuple[Any, ...]]) -> list[tuple[str, Any]]:
    return [(entry[2], entry[3]) for entry in timeline if entry[0] == "http"]


def assert_events(
    timeline: list[tuple[Any, ...]],
    api: LiveAvatarStandIn,
    expected: list[tuple[str, dict[str, str]]],
) -> str:
    """The room was joined once with the agent token (the browser keeps the client token's
    identity), then got exactly ``expected``."""
    (session_id,) = api.sessions
    room = [entry for entry in timeline if entry[0] == "room"]
    assert room[0] == (
        "room",
        "connect",
        LIVEKIT_URL,
        api.sessions[session_id]["livekit_agent_token"],
    )
    published = [entry for entry in room if entry[1] == "publish"]
    assert [entry[1] for entry in room[1:]] == ["publish"] * len(published) + ["disconnect"] * (
        len(room) - 1 - len(published)
    ), "after joining, the room only publishes (and may finally be left)"
    events = []
    for _, _, event, reliable, topic in published:
        assert reliable is True and topic == "agent-control"
        assert uuid.UUID(event["event_id"]).version == 4
        assert event["session_id"] == session_id
        assert list(event)[:3] == ["event_id", "event_type", "session_id"]
        fields = {
            k: v for k, v in event.items() if k not in ("event_id", "event_type", "session_id")
        }
        events.append((event["event_type"], fields))
    assert events == expected
    assert len({entry[2]["event_id"] for entry in published}) == len(published)
    return session_id


def order_of(timeline: list[tuple[Any, ...]]) -> list[str]:
    """``http:<path>`` and ``event:<type>`` in the order they happened."""
    steps = []
    for entry in timeline:
        if entry[0] == "http":
            steps.append(f"http:{entry[2]}")
        elif entry[1] == "publish":
            steps.append(f"event:{entry[2]['event_type']}")
    return steps


# The programs ---------------------------------------------------------------------------------
def test_requests_script(
    standin: tuple[str, LiveAvatarStandIn],
    isolated_imports: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("requests")
    base_url, api = standin
    program = migrate_program("requests_script.py", isolated_imports)
    monkeypatch.setenv("LIVEAVATAR_BASE_URL", base_url)
    monkeypatch.setenv("LIVEAVATAR_API_KEY", API_KEY)
    monkeypatch.setenv("AVATAR_ID", "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a")
    timeline = api.timeline
    load(program, timeline).main()

    assert api.problems == []
    session_id = assert_events(
        timeline,
        api,
        [
            ("avatar.speak_text", {"text": "Hello there!"}),
            ("avatar.speak_response", {"text": "What can you do?"}),
            ("avatar.interrupt", {}),
        ],
    )
    calls = http_calls(timeline)
    assert [path for path, _ in calls] == [
        "/v1/sessions/token",
        "/v1/sessions/start",
        "/v1/sessions/keep-alive",
        "/v1/sessions/stop",
    ]
    assert calls[0][1]["avatar_id"] == "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
    assert calls[2][1] == {"session_id": session_id}
    assert calls[3][1] == {"session_id": session_id, "reason": "USER_CLOSED"}
    assert order_of(timeline) == [
        "http:/v1/sessions/token",
        "http:/v1/sessions/start",
        "event:avatar.speak_text",
        "event:avatar.speak_response",
        "event:avatar.interrupt",
        "http:/v1/sessions/keep-alive",
        "http:/v1/sessions/stop",
    ]


def test_aiohttp_client(
    standin: tuple[str, LiveAvatarStandIn],
    isolated_imports: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("aiohttp")
    base_url, api = standin
    program = migrate_program("aiohttp_client.py", isolated_imports)
    monkeypatch.setenv("LIVEAVATAR_BASE_URL", base_url)
    monkeypatch.setenv("LIVEAVATAR_API_KEY", API_KEY)
    timeline = api.timeline
    asyncio.run(load(program, timeline).main())

    assert api.problems == []
    session_id = assert_events(
        timeline,
        api,
        [
            ("avatar.speak_text", {"text": "Welcome back!"}),
            ("avatar.speak_response", {"text": "Tell me a joke"}),
            ("avatar.start_listening", {}),
            ("avatar.interrupt", {}),
        ],
    )
    assert order_of(timeline) == [
        "http:/v1/sessions/token",
        "http:/v1/sessions/start",
        "event:avatar.speak_text",
        "event:avatar.speak_response",
        "event:avatar.start_listening",
        "event:avatar.interrupt",
        "http:/v1/sessions/stop",
    ]
    assert http_calls(timeline)[-1][1] == {"session_id": session_id, "reason": "USER_CLOSED"}


def test_flow_split_across_functions(
    standin: tuple[str, LiveAvatarStandIn],
    isolated_imports: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("requests")
    base_url, api = standin
    program = migrate_program("split_flow.py", isolated_imports)
    monkeypatch.setenv("LIVEAVATAR_API_KEY", API_KEY)
    timeline = api.timeline
    module = load(program, timeline)
    module.API = f"{base_url}/v1"  # the program keeps its base URL in a module constant
    # Each handler gets only the session id; the session flow crosses function boundaries.
    session_id = module.create_session("dd73ea75-1218-4ef3-92ce-606d5f7fbc0a")
    event_id = module.speak(session_id, "Hi, I am your assistant.")  # was HeyGen's task data
    assert any(
        e[0] == "room" and e[1] == "publish" and e[2]["event_id"] == event_id for e in timeline
    )
    module.speak(session_id, "Summarise our plans", task_type="chat")
    module.stop_listening(session_id)
    module.close(session_id)

    assert api.problems == []
    assert_events(
        timeline,
        api,
        [
            ("avatar.speak_text", {"text": "Hi, I am your assistant."}),
            ("avatar.speak_response", {"text": "Summarise our plans"}),
            ("avatar.stop_listening", {}),
        ],
    )
    assert order_of(timeline) == [
        "http:/v1/sessions/token",
        "http:/v1/sessions/start",
        "event:avatar.speak_text",
        "event:avatar.speak_response",
        "event:avatar.stop_listening",
        "http:/v1/sessions/stop",
    ]


def test_the_stand_in_rejects_what_liveavatar_rejects(
    standin: tuple[str, LiveAvatarStandIn],
) -> None:
    """The checks above mean something only if the stand-in fails unmigrated calls."""
    import urllib.error
    import urllib.request

    base_url, api = standin

    def post(path: str, body: Any, headers: dict[str, str]) -> int:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(base_url + path, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code

    assert post("/v1/streaming.new", {"avatar_id": "x"}, {"X-API-KEY": API_KEY}) == 404
    assert post("/v1/sessions/token", {"avatar_id": "x"}, {"X-API-KEY": API_KEY}) == 422
    assert post("/v1/sessions/token", {"avatar_id": "x", "mode": "FULL"}, {}) == 401
    assert (
        post("/v1/sessions/token", {"avatar_id": "x", "mode": "FULL"}, {"X-API-KEY": API_KEY})
        == 200
    )
    (session_id,) = api.sessions
    token = api.sessions[session_id]["session_token"]
    assert post("/v1/sessions/start", None, {"X-API-KEY": API_KEY}) == 401
    assert (
        post("/v1/sessions/start", {"session_id": session_id}, {"Authorization": f"Bearer {token}"})
        == 422
    )
    assert post("/v1/sessions/start", None, {"Authorization": f"Bearer {token}"}) == 201
    assert post("/v1/sessions/stop", {"session_id": session_id}, {"X-API-KEY": API_KEY}) == 422
    assert (
        post(
            "/v1/sessions/stop",
            {"session_id": session_id, "reason": "USER_CLOSED"},
            {"X-API-KEY": API_KEY},
        )
        == 200
    )
    assert len(api.problems) == 6
