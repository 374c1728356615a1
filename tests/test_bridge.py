"""Unit tests of the helper module the tool writes into users' projects (``liveavatar_bridge``).

The module is loaded from the package source (``templates/liveavatar_bridge.py``) and its LiveKit
room replaced by a recording stand-in, so no network is used.
"""

from __future__ import annotations

import ast
import asyncio
import enum
import importlib.util
import json
import logging
import sys
import threading
import types
import uuid
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


def load_bridge(name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, TEMPLATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class RecordingRoom:
    """Stands in for ``livekit.rtc.Room``; records what the bridge does with it."""

    def __init__(self, log: list[tuple[Any, ...]], fail_connect: Exception | None = None) -> None:
        self.log = log
        self.fail_connect = fail_connect
        self.local_participant = self
        self.thread: str | None = None

    async def connect(self, url: str, token: str) -> None:
        self.thread = threading.current_thread().name
        await asyncio.sleep(0)  # a real join suspends; concurrent emits must still join once
        if self.fail_connect is not None:
            raise self.fail_connect
        self.log.append(("connect", url, token))

    async def publish_data(self, payload: bytes, *, reliable: bool, topic: str) -> None:
        assert isinstance(payload, bytes)
        self.log.append(("publish", json.loads(payload.decode("utf-8")), reliable, topic))

    async def disconnect(self) -> None:
        self.log.append(("disconnect",))


@pytest.fixture(scope="module")
def bridge() -> Iterator[types.ModuleType]:
    module = load_bridge("liveavatar_bridge_under_test")
    yield module
    module.set_room_factory(None)
    sys.modules.pop("liveavatar_bridge_under_test", None)


@pytest.fixture
def log(bridge: types.ModuleType) -> Iterator[list[tuple[Any, ...]]]:
    records: list[tuple[Any, ...]] = []
    bridge.set_room_factory(lambda: RecordingRoom(records))
    yield records
    bridge.set_room_factory(None)


def new_session(
    bridge: types.ModuleType, *, client_token: str | None = CLIENT_TOKEN, agent: bool = True
) -> str:
    """Remember a fresh session the way migrated code does: token response, then start response."""
    session_id = str(uuid.uuid4())
    bridge.remember_session(
        {
            "code": 100,
            "message": "success",
            "data": {"session_id": session_id, "session_token": SESSION_TOKEN},
        }
    )
    start: dict[str, Any] = {"session_id": session_id, "livekit_url": LIVEKIT_URL}
    if client_token:
        start["livekit_client_token"] = client_token
    if agent:
        start["livekit_agent_token"] = AGENT_TOKEN
    bridge.remember_session({"code": 100, "message": "Session started", "data": start})
    return session_id


# The registry -------------------------------------------------------------------------------
def test_remember_session_returns_its_argument_and_accepts_all_shapes(
    bridge: types.ModuleType,
) -> None:
    envelope = {
        "code": 100,
        "message": "ok",
        "data": {"session_id": "s-env", "session_token": "t1"},
    }
    assert bridge.remember_session(envelope) is envelope
    data = {"session_id": "s-data", "session_token": "t2"}
    assert bridge.remember_session(data) is data
    assert bridge.remember_session(None) is None
    assert bridge.session_token("s-env") == "t1"
    assert bridge.session_token("s-data") == "t2"


def test_token_and_start_responses_merge(bridge: types.ModuleType) -> None:
    bridge.remember_session({"data": {"session_id": "s-merge", "session_token": "tok"}})
    bridge.remember_session(
        {"data": {"session_id": "s-merge", "livekit_url": LIVEKIT_URL, "livekit_client_token": "c"}}
    )
    # The start response has no session token; the one from the token response must survive.
    assert bridge.session_token("s-merge") == "tok"


def test_error_envelopes_are_ignored_and_non_json_rejected(bridge: types.ModuleType) -> None:
    bridge.remember_session({"code": 401, "data": None, "message": "unauthorized"})
    bridge.remember_session({"detail": [{"msg": "field required"}]})
    with pytest.raises(TypeError, match="parsed JSON"):
        bridge.remember_session("not a response")


def test_unknown_session_token_is_a_clear_key_error(bridge: types.ModuleType) -> None:
    with pytest.raises(KeyError) as caught:
        bridge.session_token("never-seen")
    message = str(caught.value)
    assert "never-seen" in message and "remember_session" in message
    assert not message.startswith("'")  # a sentence, not the repr KeyError usually shows


def test_bearer_headers_replace_every_api_key_spelling(bridge: types.ModuleType) -> None:
    session_id = new_session(bridge)
    original = {
        "x-api-key": "hg",
        "X-Api-Key": "hg",
        "X-API-KEY": "la",
        "authorization": "Bearer old",
        "Content-Type": "application/json",
    }
    headers = bridge.bearer_headers(session_id, original)
    assert headers == {
        "Content-Type": "application/json",
        "Authorization": f"Bearer {SESSION_TOKEN}",
    }
    assert "x-api-key" in original  # the caller's dict is not modified
    assert bridge.bearer_headers(session_id) == {"Authorization": f"Bearer {SESSION_TOKEN}"}


def test_speak_event_type(bridge: types.ModuleType) -> None:
    class TaskType(enum.Enum):
        TALK = "talk"

    assert bridge.speak_event_type("repeat") == "avatar.speak_text"
    assert bridge.speak_event_type(None) == "avatar.speak_text"
    assert bridge.speak_event_type("chat") == "avatar.speak_response"
    assert bridge.speak_event_type("talk") == "avatar.speak_response"
    assert bridge.speak_event_type("REPEAT") == "avatar.speak_text"
    assert bridge.speak_event_type("Chat") == "avatar.speak_response"
    assert bridge.speak_event_type(TaskType.TALK) == "avatar.speak_response"
    with pytest.raises(ValueError, match="'sing'"):
        bridge.speak_event_type("sing")


# Sending events -----------------------------------------------------------------------------
def test_emit_publishes_the_exact_envelope(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    session_id = new_session(bridge)
    receipt = bridge.emit(session_id, "avatar.speak_text", text="Hello ✓")
    bridge.emit(session_id, "avatar.interrupt")

    assert log[0] == ("connect", LIVEKIT_URL, CLIENT_TOKEN)
    assert [entry[0] for entry in log] == ["connect", "publish", "publish"]  # joined once
    _, event, reliable, topic = log[1]
    assert reliable is True and topic == "agent-control"
    assert list(event) == ["event_id", "event_type", "session_id", "text"]
    assert event["event_type"] == "avatar.speak_text"
    assert event["session_id"] == session_id and event["text"] == "Hello ✓"
    assert uuid.UUID(event["event_id"]).version == 4
    assert log[2][1] == {
        "event_id": log[2][1]["event_id"],
        "event_type": "avatar.interrupt",
        "session_id": session_id,
    }
    assert log[2][1]["event_id"] != event["event_id"]
    assert receipt == {
        "code": 100,
        "message": "success",
        "data": {"event_id": event["event_id"], "event_type": "avatar.speak_text"},
    }


def test_the_agent_token_is_the_fallback(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    bridge.emit(new_session(bridge, client_token=None), "avatar.start_listening")
    assert log[0] == ("connect", LIVEKIT_URL, AGENT_TOKEN)


def test_caller_chosen_event_id_and_envelope_clashes(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    session_id = new_session(bridge)
    receipt = bridge.emit(session_id, "avatar.speak_text", text="x", event_id="my-id")
    assert log[-1][1]["event_id"] == "my-id" == receipt["data"]["event_id"]
    with pytest.raises(TypeError, match="event_type"):
        bridge.emit(session_id, "avatar.speak_text", event_type="other")
    with pytest.raises(TypeError, match="session_id"):
        bridge.emit(None, "avatar.interrupt")


def test_sync_receipt_answers_like_the_responses_it_replaces(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    receipt = bridge.emit(new_session(bridge), "avatar.speak_response", text="hi")
    assert isinstance(receipt, dict)
    assert receipt.json() is receipt
    assert receipt.raise_for_status() is receipt
    assert receipt.status_code == 200 and receipt.status == 200 and receipt.ok
    assert json.loads(receipt.text) == receipt
    with receipt as response:  # ``with urllib.request.urlopen(req) as response``
        assert json.load(response) == receipt
        assert response.getcode() == 200
    assert receipt.json()["data"]["event_type"] == "avatar.speak_response"


def test_emit_works_in_sync_code_while_a_loop_runs(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    session_id = new_session(bridge)

    async def handler() -> Any:
        # Blocking sync code inside a coroutine (what a sync helper called from async code does):
        # the work happens on the bridge's own loop, so this neither deadlocks nor fails.
        return bridge.emit(session_id, "avatar.speak_text", text="from a coroutine")

    receipt = asyncio.run(handler())
    assert receipt["data"]["event_type"] == "avatar.speak_text"
    assert log[-1][1]["text"] == "from a coroutine"


def test_emit_async_can_be_awaited_and_entered(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    session_id = new_session(bridge)

    async def main() -> None:
        resp = await bridge.emit_async(session_id, "avatar.speak_text", text="awaited")
        assert (await resp.json())["data"]["event_type"] == "avatar.speak_text"  # aiohttp style
        assert resp.json()["code"] == 100  # httpx style
        assert json.loads(await resp.text()) == resp and json.loads(resp.text) == resp
        assert await resp.read() == resp.read() == resp.content
        assert resp.status == 200 and resp.ok
        resp.raise_for_status()

        async with bridge.emit_async(session_id, "avatar.interrupt") as resp2:
            assert (await resp2.json())["data"]["event_type"] == "avatar.interrupt"

        # A real coroutine: tasks and gather accept it.
        task = asyncio.create_task(bridge.emit_async(session_id, "avatar.start_listening"))
        both = await asyncio.gather(task, bridge.emit_async(session_id, "avatar.stop_listening"))
        assert [r["data"]["event_type"] for r in both] == [
            "avatar.start_listening",
            "avatar.stop_listening",
        ]

    asyncio.run(main())
    published = [entry[1]["event_type"] for entry in log if entry[0] == "publish"]
    assert published[:2] == ["avatar.speak_text", "avatar.interrupt"]
    assert sorted(published[2:]) == ["avatar.start_listening", "avatar.stop_listening"]
    assert sum(entry[0] == "connect" for entry in log) == 1


def test_nothing_is_sent_until_emit_async_is_awaited(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    call = bridge.emit_async(new_session(bridge), "avatar.interrupt")
    call.close()
    assert log == []


def test_concurrent_first_events_join_the_room_once(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    session_id = new_session(bridge)

    async def main() -> None:
        await asyncio.gather(
            *(bridge.emit_async(session_id, "avatar.speak_text", text=str(i)) for i in range(5))
        )

    asyncio.run(main())
    assert [entry[0] for entry in log].count("connect") == 1
    assert sorted(entry[1]["text"] for entry in log if entry[0] == "publish") == list("01234")


def test_rooms_live_on_the_bridge_thread(bridge: types.ModuleType) -> None:
    rooms: list[RecordingRoom] = []

    def factory() -> RecordingRoom:
        rooms.append(RecordingRoom([]))
        return rooms[-1]

    bridge.set_room_factory(factory)
    try:
        bridge.emit(new_session(bridge), "avatar.interrupt")
    finally:
        bridge.set_room_factory(None)
    assert rooms[0].thread == "liveavatar-bridge"


def test_unknown_and_unstarted_sessions_fail_clearly(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    with pytest.raises(KeyError, match="remember_session"):
        bridge.emit("no-such-session", "avatar.interrupt")
    bridge.remember_session({"data": {"session_id": "token-only", "session_token": "t"}})
    with pytest.raises(bridge.UnknownSessionError, match="/v1/sessions/start"):
        bridge.emit("token-only", "avatar.interrupt")

    async def main() -> None:
        with pytest.raises(KeyError):
            await bridge.emit_async("no-such-session", "avatar.interrupt")

    asyncio.run(main())
    assert log == []


def test_failed_join_raises_and_the_next_event_retries(bridge: types.ModuleType) -> None:
    records: list[tuple[Any, ...]] = []
    failures = [ConnectionError(f"refused for token {CLIENT_TOKEN}")]

    def factory() -> RecordingRoom:
        return RecordingRoom(records, failures.pop() if failures else None)

    bridge.set_room_factory(factory)
    try:
        session_id = new_session(bridge)
        with pytest.raises(bridge.BridgeError) as caught:
            bridge.emit(session_id, "avatar.interrupt")
        assert CLIENT_TOKEN not in str(caught.value)
        assert "ConnectionError" in str(caught.value)
        bridge.emit(session_id, "avatar.interrupt")
    finally:
        bridge.set_room_factory(None)
    assert [entry[0] for entry in records] == ["connect", "publish"]


def test_forget_session_leaves_the_room_and_drops_tokens(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    session_id = new_session(bridge)
    bridge.emit(session_id, "avatar.interrupt")
    bridge.forget_session(session_id)
    assert log[-1] == ("disconnect",)
    with pytest.raises(KeyError):
        bridge.session_token(session_id)
    bridge.forget_session(session_id)  # twice is fine

    other = new_session(bridge)
    bridge.emit(other, "avatar.interrupt")

    async def main() -> None:
        await bridge.forget_session_async(other)

    asyncio.run(main())
    assert log[-1] == ("disconnect",)
    assert [entry[0] for entry in log].count("disconnect") == 2


def test_no_token_in_reprs_logs_or_errors(
    bridge: types.ModuleType, log: list[tuple[Any, ...]], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="liveavatar_bridge")
    session_id = new_session(bridge)
    receipt = bridge.emit(session_id, "avatar.speak_text", text="hello")
    bridge.forget_session(session_id)
    state = bridge._STATE
    new_session(bridge)
    shown = " ".join([repr(receipt), repr(state), repr(list(state.sessions.values())), caplog.text])
    assert "LiveAvatar session" in caplog.text  # the debug log is there, and says something
    for secret in (CLIENT_TOKEN, AGENT_TOKEN, SESSION_TOKEN):
        assert secret not in shown


def test_copies_in_several_directories_share_sessions(
    bridge: types.ModuleType, log: list[tuple[Any, ...]]
) -> None:
    other_copy = load_bridge("liveavatar_bridge_other_copy")
    try:
        session_id = new_session(bridge)
        assert other_copy.session_token(session_id) == SESSION_TOKEN
        other_copy.emit(session_id, "avatar.interrupt")
        bridge.emit(session_id, "avatar.interrupt")
        assert [entry[0] for entry in log] == ["connect", "publish", "publish"]
        # Errors raised through either copy are caught by either copy's exception classes.
        assert other_copy.BridgeError is bridge.BridgeError
        assert other_copy.UnknownSessionError is bridge.UnknownSessionError
    finally:
        sys.modules.pop("liveavatar_bridge_other_copy", None)


def test_missing_livekit_sdk_says_how_to_install_it(bridge: types.ModuleType) -> None:
    if importlib.util.find_spec("livekit") is not None:
        pytest.skip("the LiveKit SDK is installed here")
    bridge.set_room_factory(None)
    with pytest.raises(ImportError, match="pip install livekit"):
        bridge.emit(new_session(bridge), "avatar.interrupt")


# The module itself ----------------------------------------------------------------------------
def test_template_uses_only_the_standard_library() -> None:
    tree = ast.parse(TEMPLATE.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module.split(".")[0])
    stdlib = getattr(sys, "stdlib_module_names", None)
    if stdlib is None:
        pytest.skip("sys.stdlib_module_names needs Python 3.10")
    assert imported <= set(stdlib) | {"__future__"}, imported - set(stdlib)
    assert "livekit" in TEMPLATE.read_text(encoding="utf-8")  # imported lazily, by name


def test_template_is_shipped_as_package_data() -> None:
    from heygen2liveavatar.engine.transform import support_module_source

    assert support_module_source("liveavatar_bridge") == TEMPLATE.read_text(encoding="utf-8")


def test_the_template_is_pyflakes_clean() -> None:
    """Users' linters run over the module the tool writes into their project."""
    import io

    from pyflakes.api import check
    from pyflakes.reporter import Reporter

    out, err = io.StringIO(), io.StringIO()
    source = TEMPLATE.read_text(encoding="utf-8")
    assert check(source, str(TEMPLATE), Reporter(out, err)) == 0, out.getvalue()
