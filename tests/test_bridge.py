"""Unit tests of the helper module the tool writes into users' projects (``liveavatar_bridge``).

Each test loads a fresh copy of ``templates/liveavatar_bridge.py`` with its session store in a
temporary directory and its LiveKit room replaced by a recording stand-in: no network is used,
except a local HTTP server on 127.0.0.1 standing in for ``POST /v1/sessions/start``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import http.server
import importlib.util
import json
import multiprocessing
import os
import stat
import subprocess
import sys
import threading
import types
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import heygen2liveavatar

TEMPLATE = Path(heygen2liveavatar.__file__).parent / "templates" / "liveavatar_bridge.py"
CLIENT_TOKEN = "lk-client-SECRET-1111"
AGENT_TOKEN = "lk-agent-SECRET-2222"
SESSION_TOKEN = "eyJ.session-SECRET-3333"
LIVEKIT_URL = "wss://room.example.invalid"


def load_bridge(name: str | None = None) -> types.ModuleType:
    name = name or f"bridge_{uuid.uuid4().hex}"
    spec = importlib.util.spec_from_file_location(name, TEMPLATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class RecordingRoom:
    """Stands in for ``livekit.rtc.Room``; records what the helper does with it."""

    def __init__(
        self,
        log: list[tuple[Any, ...]],
        fail_connect: Exception | None = None,
        fail_publish: Exception | None = None,
    ) -> None:
        self.log = log
        self.fail_connect = fail_connect
        self.fail_publish = fail_publish
        self.local_participant = self

    async def connect(self, url: str, token: str) -> None:
        await asyncio.sleep(0)  # a real join suspends; concurrent emits must still join once
        if self.fail_connect is not None:
            raise self.fail_connect
        self.log.append(("connect", url, token, threading.current_thread().name))

    async def publish_data(self, payload: bytes, *, reliable: bool, topic: str) -> None:
        if self.fail_publish is not None:
            raise self.fail_publish
        self.log.append(("publish", json.loads(payload.decode("utf-8")), reliable, topic))

    async def disconnect(self) -> None:
        self.log.append(("disconnect",))


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "sessions"
    monkeypatch.setenv("LIVEAVATAR_SESSION_DIR", str(directory))
    return directory


@pytest.fixture
def bridge(store: Path) -> types.ModuleType:
    return load_bridge()


@pytest.fixture
def log(bridge: types.ModuleType) -> list[tuple[Any, ...]]:
    records: list[tuple[Any, ...]] = []
    bridge._room_factory = lambda: RecordingRoom(records)
    return records


def new_session(bridge: types.ModuleType, *, agent: bool = True, client: bool = True) -> str:
    """Remember a session the way migrated code does: token response, then start response."""
    session_id = str(uuid.uuid4())
    token = {"session_id": session_id, "session_token": SESSION_TOKEN}
    bridge.remember_session({"code": 100, "message": "success", "data": token})
    start: dict[str, Any] = {"session_id": session_id, "livekit_url": LIVEKIT_URL}
    if client:
        start["livekit_client_token"] = CLIENT_TOKEN
    if agent:
        start["livekit_agent_token"] = AGENT_TOKEN
    bridge.remember_session({"code": 100, "data": start})
    return session_id


# The module itself ---------------------------------------------------------------------------
def test_template_is_short_pyflakes_clean_and_marked() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 390
    assert "# heygen2liveavatar helper: v5" in text.splitlines()[0]
    checked = subprocess.run(
        [sys.executable, "-m", "pyflakes", str(TEMPLATE)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_importing_needs_no_livekit(bridge: types.ModuleType) -> None:
    assert "livekit" not in bridge.__dict__
    assert issubclass(bridge.LiveAvatarError, RuntimeError)
    assert issubclass(bridge.UnknownSessionError, KeyError)


# The session store ---------------------------------------------------------------------------
def test_remember_session_merges_and_returns_its_argument(
    bridge: types.ModuleType, store: Path
) -> None:
    envelope = {"code": 100, "data": {"session_id": "s-1", "session_token": "t1"}}
    assert bridge.remember_session(envelope) is envelope
    start = {"session_id": "s-1", "livekit_url": LIVEKIT_URL, "livekit_agent_token": "a"}
    assert bridge.remember_session(start) is start
    assert bridge.remember_session({"code": 401, "data": None}) == {"code": 401, "data": None}
    record = json.loads((store / "s-1.json").read_text())
    assert record == {
        "session_id": "s-1",
        "session_token": "t1",
        "livekit_url": LIVEKIT_URL,
        "livekit_agent_token": "a",
    }
    if os.name == "posix":
        assert stat.S_IMODE((store / "s-1.json").stat().st_mode) == 0o600
        assert [p.name for p in store.iterdir()] == ["s-1.json"]  # no temporary left


def test_default_store_is_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LIVEAVATAR_SESSION_DIR", raising=False)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    bridge = load_bridge()
    bridge.remember_session({"session_id": "s-private", "session_token": "t"})
    directory = tmp_path / f"liveavatar-sessions-{os.getuid()}"
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert (directory / "s-private.json").exists()


def test_a_session_id_cannot_leave_the_store(bridge: types.ModuleType, store: Path) -> None:
    bridge.remember_session({"session_id": "../../escape", "session_token": "t"})
    assert not (store.parent.parent / "escape.json").exists()
    assert bridge.bearer_headers("../../escape")["Authorization"] == "Bearer t"


def _emit_in_child(template: str, session_id: str, queue: Any) -> None:
    """Run in a spawned process: a fresh interpreter that never saw the session."""
    spec = importlib.util.spec_from_file_location("child_bridge", template)
    assert spec is not None and spec.loader is not None
    bridge = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bridge)
    log: list[tuple[Any, ...]] = []
    bridge._room_factory = lambda: RecordingRoom(log)
    event_id = bridge.emit(session_id, "avatar.speak_text", text="from the other worker")
    headers = bridge.bearer_headers(session_id)
    queue.put((event_id, [entry[:3] for entry in log], headers))


def test_a_session_started_in_one_process_is_used_in_another(
    bridge: types.ModuleType, store: Path
) -> None:
    session_id = new_session(bridge)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_emit_in_child, args=(str(TEMPLATE), session_id, queue))
    child.start()
    event_id, log, headers = queue.get(timeout=60)
    child.join(60)
    assert child.exitcode == 0
    assert log[0] == ("connect", LIVEKIT_URL, AGENT_TOKEN)
    assert log[1][1] == {
        "event_id": event_id,
        "event_type": "avatar.speak_text",
        "session_id": session_id,
        "text": "from the other worker",
    }
    assert headers == {"Authorization": f"Bearer {SESSION_TOKEN}"}


# Headers ----------------------------------------------------------------------------------
def test_bearer_headers_replace_the_api_key(bridge: types.ModuleType) -> None:
    session_id = new_session(bridge)
    old = {"X-Api-Key": "k", "authorization": "old", "Content-Type": "application/json"}
    assert bridge.bearer_headers(session_id, old) == {
        "Content-Type": "application/json",
        "Authorization": f"Bearer {SESSION_TOKEN}",
    }
    assert old["X-Api-Key"] == "k"  # a copy


def test_unknown_session_is_a_readable_key_error(bridge: types.ModuleType) -> None:
    with pytest.raises(KeyError) as caught:
        bridge.bearer_headers("never-seen")
    assert str(caught.value).startswith("unknown LiveAvatar session 'never-seen'")
    with pytest.raises(bridge.LiveAvatarError):
        bridge.emit("never-seen", "avatar.interrupt")


def test_speak_event_type() -> None:
    bridge = load_bridge()
    assert bridge.speak_event_type("repeat") == "avatar.speak_text"
    assert bridge.speak_event_type(None) == "avatar.speak_text"
    assert bridge.speak_event_type("chat") == "avatar.speak_response"
    assert bridge.speak_event_type(types.SimpleNamespace(value="TALK")) == "avatar.speak_response"
    with pytest.raises(ValueError, match="task_type"):
        bridge.speak_event_type("sing")


def test_session_body_maps_a_heygen_body_and_leaves_unset_options_unset() -> None:
    bridge = load_bridge()
    heygen = {
        "avatar_id": "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a",
        "quality": "high",
        "video_encoding": "vp8",
        "version": "v2",
        "knowledge_base_id": "ctx-1",
        "language": None,  # unset in the caller's model: not sent
        "voice": {"voice_id": "v-1", "rate": 1.5},
    }
    assert bridge.session_body(heygen, "FULL") == {
        "mode": "FULL",
        "avatar_id": "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a",
        "video_settings": {"quality": "high", "encoding": "VP8"},
        "avatar_persona": {
            "context_id": "ctx-1",
            "voice_id": "v-1",
            "voice_settings": {"provider": "elevenLabs", "speed": 1.2},
        },
    }
    # LITE: the caller brings its own audio, so voice, knowledge base and STT have no place.
    with pytest.warns(UserWarning, match="not sent to LiveAvatar: knowledge_base_id, voice"):
        lite = bridge.session_body(heygen, "LITE")
    assert lite == {
        "mode": "LITE",
        "avatar_id": "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a",
        "video_settings": {"quality": "high", "encoding": "VP8"},
    }
    with pytest.warns(UserWarning, match="disable_idle_timeout"):
        minimal = bridge.session_body({"avatar_id": "a", "disable_idle_timeout": True}, "FULL")
    assert minimal == {
        "mode": "FULL",
        "avatar_id": "a",
        "video_settings": {"encoding": "VP8"},
        "avatar_persona": {},
    }


def test_session_body_reads_a_dataclass_body_by_its_fields() -> None:
    """A body the program serialises itself (a dataclass sent through a JSON encoder)."""
    bridge = load_bridge()

    @dataclasses.dataclass
    class NewSessionRequest:
        avatar_id: str
        quality: str = "low"
        knowledge_base_id: str | None = None
        version: str = "v2"

    assert bridge.session_body(NewSessionRequest("a", knowledge_base_id="ctx-1"), "FULL") == {
        "mode": "FULL",
        "avatar_id": "a",
        "video_settings": {"encoding": "VP8", "quality": "low"},
        "avatar_persona": {"context_id": "ctx-1"},
    }
    with pytest.raises(AttributeError):
        bridge.session_body(object(), "FULL")


def test_with_heygen_names_adds_the_old_names_in_the_callers_shape() -> None:
    bridge = load_bridge()
    data = {"session_id": "s", "livekit_url": "wss://x", "livekit_client_token": "c"}
    assert bridge.with_heygen_names({"code": 100, "data": data})["data"] == {
        **data,
        "url": "wss://x",
        "access_token": "c",
        "realtime_endpoint": None,
    }
    assert bridge.with_heygen_names(data)["access_token"] == "c"


def test_liveavatar_url_moves_only_heygens_api_host() -> None:
    bridge = load_bridge()
    assert bridge.liveavatar_url("https://api.heygen.com/v1") == "https://api.liveavatar.com/v1"
    assert bridge.liveavatar_url("https://api.heygen.com") == "https://api.liveavatar.com"
    assert (
        bridge.liveavatar_url("https://api.heygen.community/v1")
        == "https://api.heygen.community/v1"
    )
    assert bridge.liveavatar_url("http://localhost:8080/v1") == "http://localhost:8080/v1"


# Events -----------------------------------------------------------------------------------
def test_emit_joins_with_the_agent_token_once_and_returns_the_event_id(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    session_id = new_session(bridge)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no client-token warning with an agent token
        first = bridge.emit(session_id, "avatar.speak_text", text="Hello")
        second = bridge.emit(session_id, "avatar.interrupt")
    assert uuid.UUID(first).version == 4 and first != second
    assert log[0][:3] == ("connect", LIVEKIT_URL, AGENT_TOKEN)
    assert log[0][3] != threading.current_thread().name  # on the helper's own loop
    assert log[1:] == [
        (
            "publish",
            {
                "event_id": first,
                "event_type": "avatar.speak_text",
                "session_id": session_id,
                "text": "Hello",
            },
            True,
            "agent-control",
        ),
        (
            "publish",
            {"event_id": second, "event_type": "avatar.interrupt", "session_id": session_id},
            True,
            "agent-control",
        ),
    ]


def test_client_token_only_warns_once_per_session(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    session_id = new_session(bridge, agent=False)
    with pytest.warns(RuntimeWarning, match="web SDK") as caught:
        bridge.emit(session_id, "avatar.start_listening")
        bridge.emit(session_id, "avatar.stop_listening")
    assert len(caught) == 1
    assert "duplicate identity" in str(caught[0].message)
    assert CLIENT_TOKEN not in str(caught[0].message)
    assert log[0][:3] == ("connect", LIVEKIT_URL, CLIENT_TOKEN)


def test_emit_raises_when_the_room_cannot_be_joined(bridge: types.ModuleType) -> None:
    session_id = new_session(bridge)
    log: list[tuple[Any, ...]] = []
    error = ConnectionError(f"rejected token {AGENT_TOKEN}")
    bridge._room_factory = lambda: RecordingRoom(log, fail_connect=error)
    with pytest.raises(bridge.LiveAvatarError) as caught:
        bridge.emit(session_id, "avatar.interrupt")
    assert AGENT_TOKEN not in str(caught.value) and AGENT_TOKEN not in repr(caught.value)
    assert "<redacted>" in str(caught.value)
    # The failed join is forgotten: the next event joins again.
    bridge._room_factory = lambda: RecordingRoom(log)
    bridge.emit(session_id, "avatar.interrupt")
    assert log[0][0] == "connect"


def test_emit_raises_when_publishing_fails(bridge: types.ModuleType) -> None:
    session_id = new_session(bridge)
    log: list[tuple[Any, ...]] = []
    bridge._room_factory = lambda: RecordingRoom(log, fail_publish=RuntimeError("closed"))
    with pytest.raises(bridge.LiveAvatarError, match="could not send"):
        bridge.emit(session_id, "avatar.speak_text", text="x")
    with pytest.raises(bridge.LiveAvatarError):
        asyncio.run(bridge.emit_async(session_id, "avatar.speak_text", text="x"))


def test_emit_raises_the_projects_own_error_when_named(bridge: types.ModuleType) -> None:
    class HeyGenError(Exception):
        pass

    session_id = new_session(bridge)
    log: list[tuple[Any, ...]] = []
    bridge._room_factory = lambda: RecordingRoom(log, fail_publish=RuntimeError("closed"))
    with pytest.raises(HeyGenError, match="could not send") as caught:
        bridge.emit(session_id, "avatar.speak_text", text="x", error=HeyGenError)
    assert isinstance(caught.value.__cause__, bridge.LiveAvatarError)
    with pytest.raises(HeyGenError):
        asyncio.run(bridge.emit_async(session_id, "avatar.interrupt", error=HeyGenError))
    # ``error`` is no event field: what is published is the same as without it.
    bridge._room_factory = lambda: RecordingRoom(log)
    bridge.release(session_id)
    session_id = new_session(bridge)
    bridge.emit(session_id, "avatar.speak_text", text="y", error=HeyGenError)
    published = [entry[1] for entry in log if entry[0] == "publish"]
    assert published and "error" not in published[-1]


def test_emit_without_a_room_raises(bridge: types.ModuleType, log: list[tuple[Any, ...]]) -> None:
    bridge.remember_session({"session_id": "s-token-only", "session_token": "t"})
    with pytest.raises(bridge.LiveAvatarError, match="no LiveKit room"):
        bridge.emit("s-token-only", "avatar.interrupt")


def test_missing_livekit_is_a_clear_import_error(
    bridge: types.ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "livekit", None)  # makes ``import livekit`` fail
    session_id = new_session(bridge)
    with pytest.raises(ImportError, match="pip install livekit"):
        bridge.emit(session_id, "avatar.interrupt")


def test_sync_emit_works_inside_a_running_loop(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    session_id = new_session(bridge)

    async def handler() -> tuple[str, str]:
        blocking = bridge.emit(session_id, "avatar.speak_text", text="sync")
        awaited = await bridge.emit_async(session_id, "avatar.speak_text", text="async")
        return blocking, awaited

    blocking, awaited = asyncio.run(handler())
    assert [entry[1]["event_id"] for entry in log[1:]] == [blocking, awaited]


def test_emit_from_threads_joins_once(bridge: types.ModuleType, log: list[tuple[Any, ...]]) -> None:
    session_id = new_session(bridge)
    threads = [
        threading.Thread(target=bridge.emit, args=(session_id, "avatar.interrupt"))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [entry[0] for entry in log].count("connect") == 1
    assert [entry[0] for entry in log].count("publish") == 8


def test_release_leaves_the_room_and_forgets_the_session(
    bridge: types.ModuleType, log: list[tuple[Any, ...]], store: Path
) -> None:
    session_id = new_session(bridge)
    bridge.emit(session_id, "avatar.interrupt")
    bridge.release(session_id)
    assert log[-1] == ("disconnect",)
    assert not (store / f"{session_id}.json").exists()
    with pytest.raises(KeyError):
        bridge.bearer_headers(session_id)
    bridge.release(session_id)  # twice, or never known: no error
    bridge.release("never-seen")
    other = new_session(bridge)
    asyncio.run(bridge.emit_async(other, "avatar.interrupt"))
    asyncio.run(bridge.release_async(other))
    assert log[-1] == ("disconnect",)


# start_session ----------------------------------------------------------------------------
class _StartHandler(http.server.BaseHTTPRequestHandler):
    requests: list[dict[str, Any]] = []
    status = 201

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        type(self).requests.append(
            {
                "path": self.path,
                "authorization": self.headers.get("Authorization"),
                "api_key": self.headers.get("X-Api-Key"),
                "body": self.rfile.read(length),
            }
        )
        if self.status == 201:
            data = {
                "session_id": "s-http",
                "livekit_url": LIVEKIT_URL,
                "livekit_client_token": CLIENT_TOKEN,
                "livekit_agent_token": AGENT_TOKEN,
                "max_session_duration": 600,
            }
            body = json.dumps({"code": 100, "data": data, "message": "ok"}).encode()
        else:
            body = b'{"code": 401, "message": "invalid session token"}'
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: Any) -> None:
        return None


@pytest.fixture
def api() -> Iterator[tuple[str, type[_StartHandler]]]:
    handler = type("Handler", (_StartHandler,), {"requests": [], "status": 201})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


TOKEN_RESPONSE = {"code": 100, "data": {"session_id": "s-http", "session_token": SESSION_TOKEN}}


STARTED = {
    "session_id": "s-http",
    "session_token": SESSION_TOKEN,
    "livekit_url": LIVEKIT_URL,
    "livekit_client_token": CLIENT_TOKEN,
    "livekit_agent_token": AGENT_TOKEN,
    "max_session_duration": 600,
}


def test_start_session_posts_with_the_session_token_and_no_body(
    bridge: types.ModuleType,
    api: tuple[str, type[_StartHandler]],
    store: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, handler = api
    monkeypatch.setenv("LIVEAVATAR_API_URL", "http://127.0.0.1:9")  # unused: nothing listens
    # Migrated code passes the token response and its URL: the host comes from that URL.
    started = bridge.start_session(TOKEN_RESPONSE, f"{url}/v1/sessions/token")
    assert handler.requests == [
        {
            "path": "/v1/sessions/start",
            "authorization": f"Bearer {SESSION_TOKEN}",
            "api_key": None,
            "body": b"",
        }
    ]
    # An envelope in, an envelope out: its data merges the token and start responses.
    assert started == {"code": 100, "data": STARTED}
    assert TOKEN_RESPONSE["data"] == {"session_id": "s-http", "session_token": SESSION_TOKEN}
    assert json.loads((store / "s-http.json").read_text())["livekit_agent_token"] == AGENT_TOKEN
    # Its data in, the merged data out; any path or query of the token URL reaches the same
    # endpoint, and so does the async form.
    assert bridge.start_session(TOKEN_RESPONSE["data"], f"{url}/v1/sessions/token?x=1") == STARTED
    bridge.start_session(TOKEN_RESPONSE, f"{url}/")
    coroutine = bridge.start_session_async(TOKEN_RESPONSE, f"{url}/v1/sessions", timeout=5)
    assert asyncio.run(coroutine) == {"code": 100, "data": STARTED}
    assert [r["path"] for r in handler.requests] == ["/v1/sessions/start"] * 4
    assert {r["authorization"] for r in handler.requests} == {f"Bearer {SESSION_TOKEN}"}


def test_started_session_gives_the_started_session_without_a_second_start(
    bridge: types.ModuleType,
    api: tuple[str, type[_StartHandler]],
    store: Path,
) -> None:
    url, handler = api
    bridge.start_session(TOKEN_RESPONSE, f"{url}/v1/sessions/token")
    # The same token response parsed again later in the function: the started room, no POST.
    again = bridge.started_session(TOKEN_RESPONSE)
    assert again["data"]["livekit_url"] == LIVEKIT_URL
    assert again["data"]["livekit_client_token"] == CLIENT_TOKEN
    assert bridge.started_session(TOKEN_RESPONSE["data"])["session_token"] == SESSION_TOKEN
    assert len(handler.requests) == 1


def test_start_session_reads_the_api_url_from_the_environment(
    bridge: types.ModuleType, api: tuple[str, type[_StartHandler]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, handler = api
    monkeypatch.setenv("LIVEAVATAR_API_URL", url)
    # No token URL, or one that is not an absolute http(s) URL: the environment names the host.
    assert bridge.start_session(TOKEN_RESPONSE)["data"]["livekit_url"] == LIVEKIT_URL
    assert bridge.start_session(TOKEN_RESPONSE["data"], "/v1/sessions/token") == STARTED
    assert [r["path"] for r in handler.requests] == ["/v1/sessions/start"] * 2


def test_start_session_error_has_status_and_body_but_no_token(
    bridge: types.ModuleType, api: tuple[str, type[_StartHandler]], store: Path
) -> None:
    url, handler = api
    handler.status = 401
    with pytest.raises(bridge.LiveAvatarError) as caught:
        bridge.start_session(TOKEN_RESPONSE, f"{url}/v1/sessions/token")
    assert caught.value.status == 401
    assert "invalid session token" in caught.value.body
    assert SESSION_TOKEN not in str(caught.value) and SESSION_TOKEN not in repr(caught.value)
    assert SESSION_TOKEN not in caught.value.body
    assert len(handler.requests) == 1
    assert not (store / "s-http.json").exists()  # a failed start remembers nothing
    with pytest.raises(bridge.LiveAvatarError, match="session_token"):
        bridge.start_session({"data": {"session_id": "s"}}, f"{url}/v1/sessions/token")
    assert len(handler.requests) == 1  # without a session token nothing is sent


def test_start_session_raises_the_projects_own_error_when_named(
    bridge: types.ModuleType, api: tuple[str, type[_StartHandler]], store: Path
) -> None:
    """Migrated code whose failed requests raised the project's exception names it: the
    project's ``except HeyGenError`` handlers still catch a failed start."""

    class HeyGenError(Exception):
        def __init__(self, message: str) -> None:
            super().__init__(message)
            self.message = message

    url, handler = api
    handler.status = 502
    with pytest.raises(HeyGenError, match="HTTP 502") as caught:
        bridge.start_session(TOKEN_RESPONSE, f"{url}/v1/sessions/token", error=HeyGenError)
    cause = caught.value.__cause__
    assert isinstance(cause, bridge.LiveAvatarError) and cause.status == 502
    assert SESSION_TOKEN not in caught.value.message
    coroutine = bridge.start_session_async(TOKEN_RESPONSE, f"{url}/", error=HeyGenError)
    with pytest.raises(HeyGenError):
        asyncio.run(coroutine)


def test_session_fields_maps_heygen_options_given_at_run_time() -> None:
    """``create_session(**overrides)``: the caller's HeyGen options land in the token body's
    groups without replacing what the migration wrote there; ``None`` is unset."""
    bridge = load_bridge()
    body = {
        "mode": "FULL",
        "avatar_id": "a",
        "video_settings": {"encoding": "VP8"},
        "avatar_persona": {},
    }
    merged = bridge.session_fields(
        body,
        {"knowledge_base_id": "ctx", "quality": "high", "version": "v2", "language": None},
        {"is_sandbox": True},
    )
    assert merged == {
        "mode": "FULL",
        "avatar_id": "a",
        "video_settings": {"encoding": "VP8", "quality": "high"},
        "avatar_persona": {"context_id": "ctx"},
        "is_sandbox": True,
    }
    assert body["avatar_persona"] == {}  # the caller's dict is not changed
    with pytest.warns(UserWarning, match="knowledge_base_id"):
        lite = bridge.session_fields({"mode": "LITE", "avatar_id": "a"}, {"knowledge_base_id": "k"})
    assert lite == {"mode": "LITE", "avatar_id": "a"}


def test_session_fields_table_follows_the_apispec() -> None:
    """The helper cannot import the tool: its copy of the field map must stay the same."""
    from heygen2liveavatar.apispec.session_fields import (
        NEW_BODY_DROPPED_SILENTLY,
        NEW_BODY_MOVES,
    )

    bridge = load_bridge()
    assert bridge.SESSION_FIELD_MOVES == NEW_BODY_MOVES
    assert set(bridge.SESSION_FIELDS_DROPPED) == NEW_BODY_DROPPED_SILENTLY


def test_started_response_gives_a_checking_helper_the_started_session(
    bridge: types.ModuleType, api: tuple[str, type[_StartHandler]], store: Path
) -> None:
    """A helper that checks and parses the token call's HTTP response itself gets one whose
    `json()` is the started session (HeyGen's names too) and whose status is the response's;
    a failed token call is handed on untouched (no start)."""
    url, handler = api
    response = types.SimpleNamespace(
        status_code=200, url=f"{url}/v1/sessions/token", ok=True, json=lambda: TOKEN_RESPONSE
    )
    started = bridge.started_response(response)
    assert started.ok is True and started.status_code == 200
    data = started.json()["data"]
    assert data["livekit_url"] == data["url"] == LIVEKIT_URL
    assert data["access_token"] == data["livekit_client_token"]
    failed = types.SimpleNamespace(status_code=422, url=url, json=lambda: {"detail": "bad"})
    assert bridge.started_response(failed) is failed
    assert [r["path"] for r in handler.requests] == ["/v1/sessions/start"]


def test_heygen_http_response_is_a_successful_heygen_answer(bridge: types.ModuleType) -> None:
    answer = bridge.heygen_http_response("event-1")
    assert answer.json() == {"code": 100, "message": "success", "data": {"task_id": "event-1"}}
    assert (answer.status_code, answer.ok, answer.is_error) == (200, True, False)
    assert answer.raise_for_status() is None and json.loads(answer.text) == answer.json()
    assert bridge.heygen_http_response().json() == {"code": 100, "message": "success", "data": None}


def test_a_refused_token_call_says_why_liveavatar_refused_it(bridge: types.ModuleType) -> None:
    """A project that checks the status after starting (``body = start_session(resp.json(), ...)``
    then ``if not resp.ok``) shows start_session's error: it names LiveAvatar's reason (the
    avatar id that is not a UUID), not only that a session token is missing."""
    refusals = {
        "avatar_id: 'Anna_public_3_20240108' is not a UUID": {
            "detail": "avatar_id: 'Anna_public_3_20240108' is not a UUID"
        },
        "avatar_id: Input should be a valid UUID": {
            "detail": [{"loc": ["body", "avatar_id"], "msg": "Input should be a valid UUID"}]
        },
        "no credits": {"code": 4001, "data": None, "message": "no credits"},
    }
    for reason, answer in refusals.items():
        with pytest.raises(bridge.LiveAvatarError) as caught:
            bridge.start_session(answer, "https://api.liveavatar.com/v1/sessions/token")
        assert str(caught.value).endswith(f"LiveAvatar answered: {reason}")
    with pytest.raises(bridge.LiveAvatarError) as caught:
        bridge.start_session({"data": {"session_id": "s"}}, None)
    assert "answered" not in str(caught.value)
