"""The stand-ins mean something only if they refuse what LiveAvatar and LiveKit refuse.

Each test drives one stand-in directly (HTTPS with the test CA, the room recorder, the LITE
WebSocket) with one wrong thing and checks that it is rejected and recorded as a problem; a
correct flow must leave no problem. The last test runs the original phase of the ported cases
and checks their traces say something.
"""

from __future__ import annotations

import base64
import http.client
import json
import socket
import ssl
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.client import connect as ws_connect

from harness import Case, Recording, StandIns, copy_project, run_phase
from harness.livekit_tokens import issue

pytestmark = pytest.mark.e2e

LA = "api.liveavatar.com"
HG = "api.heygen.com"
AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
CONTEXT = "5b9e7f10-3c4d-4e8a-9f21-6a7b8c9d0e1f"
KEY = {"X-API-KEY": "la-test-key"}
FULL = {"mode": "FULL", "avatar_id": AVATAR, "avatar_persona": {"context_id": CONTEXT}}
LITE = {"mode": "LITE", "avatar_id": AVATAR}


def call(
    standins: StandIns,
    host: str,
    method: str,
    path: str,
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, Any]:
    context = ssl.create_default_context(cafile=str(standins.ca_file))
    connection = http.client.HTTPSConnection(host, standins.tls_port, context=context, timeout=10)
    # Connect to the stand-in on 127.0.0.1 but speak TLS (SNI, certificate) for ``host``.
    raw = socket.create_connection(("127.0.0.1", standins.tls_port), timeout=10)
    connection.sock = context.wrap_socket(raw, server_hostname=host)
    data = json.dumps(body).encode() if body is not None else None
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    connection.request(method, path, body=data, headers=all_headers)
    response = connection.getresponse()
    payload = json.loads(response.read() or b"null")
    connection.close()
    return response.status, payload


def recorder(standins: StandIns, path: str, body: dict[str, Any]) -> tuple[int, Any]:
    request = urllib.request.Request(
        standins.recorder_url + path, data=json.dumps(body).encode(), method="POST"
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def started(standins: StandIns, token_body: dict[str, Any]) -> dict[str, Any]:
    status, token = call(standins, LA, "POST", "/v1/sessions/token", token_body, KEY)
    assert status == 200, token
    bearer = {"Authorization": f"Bearer {token['data']['session_token']}"}
    status, start = call(standins, LA, "POST", "/v1/sessions/start", None, bearer)
    assert status == 201, start
    return {**start["data"], "bearer": bearer}


def publish(
    standins: StandIns, pid: str, event: dict[str, Any], topic: str = "agent-control"
) -> int:
    payload = base64.b64encode(json.dumps(event).encode()).decode()
    status, _ = recorder(
        standins,
        "/livekit/publish",
        {"participant_id": pid, "payload": payload, "reliable": True, "topic": topic},
    )
    return status


def join(
    standins: StandIns, session: dict[str, Any], role: str, token: str = ""
) -> tuple[int, Any]:
    body = {
        "url": session["livekit_url"],
        "token": token or session["livekit_client_token"],
        "role": role,
    }
    return recorder(standins, "/livekit/connect", body)


@pytest.fixture
def la(standins: StandIns) -> Recording:
    return standins.begin("liveavatar")


def only_problem(recording: Recording, fragment: str) -> None:
    assert len(recording.problems) == 1, recording.problems
    assert fragment in recording.problems[0], recording.problems


# A correct flow ------------------------------------------------------------------------------
def test_a_correct_full_session_leaves_no_problem(standins: StandIns, la: Recording) -> None:
    session = started(standins, FULL)
    assert "ws_url" not in session
    status, _ = join(standins, session, "viewer")
    assert status == 200
    status, program = join(standins, session, "program", session["livekit_agent_token"])
    assert status == 200
    sid = session["session_id"]
    for event_type, extra in (
        ("avatar.speak_text", {"text": "Hi"}),
        ("avatar.speak_response", {"text": "Why?"}),
        ("avatar.interrupt", {}),
    ):
        event = {
            "event_id": str(uuid.uuid4()),
            "event_type": event_type,
            "session_id": sid,
            **extra,
        }
        assert publish(standins, program["participant_id"], event) == 200
    assert call(standins, LA, "POST", "/v1/sessions/keep-alive", {"session_id": sid}, KEY)[0] == 200
    stop = {"session_id": sid, "reason": "USER_CLOSED"}
    assert call(standins, LA, "POST", "/v1/sessions/stop", stop, session["bearer"])[0] == 200
    assert la.problems == []
    assert la.trace() == [
        "session.token",
        "session.start s1",
        "viewer.join s1",
        "speak_text s1 'Hi'",
        "speak_response s1 'Why?'",
        "interrupt s1",
        "keep_alive s1",
        "stop s1",
    ]


# Session token -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({**FULL, "quality": "high"}, "quality: extra field not permitted"),
        ({**FULL, "avatar_persona": {"context_id": CONTEXT, "voice_id": None}}, "voice_id: None"),
        ({**FULL, "avatar_id": "Wayne_20240711"}, "is not a UUID"),
        ({**FULL, "avatar_persona": {"knowledge_base_id": CONTEXT}}, "extra field"),
        ({"mode": "FULL", "avatar_id": AVATAR}, "avatar_persona"),
        ({**LITE, "avatar_persona": {}}, "avatar_persona: extra field"),
        ({**FULL, "video_settings": {"quality": "ultra"}}, "'ultra' is not one of"),
        ({**FULL, "version": "v2"}, "version: extra field"),
    ],
    ids=[
        "unknown-field",
        "none-value",
        "non-uuid-avatar",
        "unknown-nested",
        "no-persona",
        "persona-in-lite",
        "bad-enum",
        "heygen-version",
    ],
)
def test_token_rejects_a_wrong_body(
    standins: StandIns, la: Recording, body: dict[str, Any], fragment: str
) -> None:
    status, payload = call(standins, LA, "POST", "/v1/sessions/token", body, KEY)
    assert status == 422, payload
    only_problem(la, fragment)


def test_token_rejects_the_heygen_key(standins: StandIns, la: Recording) -> None:
    status, _ = call(standins, LA, "POST", "/v1/sessions/token", FULL, {"X-API-KEY": "hg-test-key"})
    assert status == 401
    only_problem(la, "HeyGen API key")


def test_heygen_rejects_the_liveavatar_key(standins: StandIns) -> None:
    recording = standins.begin("heygen")
    status, _ = call(standins, HG, "POST", "/v1/streaming.new", {}, {"x-api-key": "la-test-key"})
    assert status == 401
    only_problem(recording, "unauthorized")


# Start ----------------------------------------------------------------------------------------
def test_start_rejects_the_api_key_alone(standins: StandIns, la: Recording) -> None:
    assert call(standins, LA, "POST", "/v1/sessions/token", FULL, KEY)[0] == 200
    status, _ = call(standins, LA, "POST", "/v1/sessions/start", None, KEY)
    assert status == 401
    only_problem(la, "not X-API-KEY")


def test_start_rejects_a_body(standins: StandIns, la: Recording) -> None:
    _, token = call(standins, LA, "POST", "/v1/sessions/token", FULL, KEY)
    data = token["data"]
    bearer = {"Authorization": f"Bearer {data['session_token']}"}
    status, _ = call(
        standins, LA, "POST", "/v1/sessions/start", {"session_id": data["session_id"]}, bearer
    )
    assert status == 422
    only_problem(la, "start takes no body")


def test_start_rejects_a_second_start(standins: StandIns, la: Recording) -> None:
    session = started(standins, FULL)
    status, _ = call(standins, LA, "POST", "/v1/sessions/start", None, session["bearer"])
    assert status == 400
    only_problem(la, "second start")


def test_stop_rejects_an_unknown_reason(standins: StandIns, la: Recording) -> None:
    session = started(standins, FULL)
    body = {"session_id": session["session_id"], "reason": "DONE"}
    assert call(standins, LA, "POST", "/v1/sessions/stop", body, KEY)[0] == 422
    only_problem(la, "reason")


def test_heygen_streaming_is_gone_after_migration(standins: StandIns, la: Recording) -> None:
    status, _ = call(standins, HG, "POST", "/v1/streaming.new", {}, {"x-api-key": "hg-test-key"})
    assert status == 410
    only_problem(la, "after migration")


# Events ---------------------------------------------------------------------------------------
def test_text_event_in_a_lite_session_is_a_problem(standins: StandIns, la: Recording) -> None:
    session = started(standins, LITE)
    assert session["ws_url"].startswith("ws://127.0.0.1:")
    status, program = join(standins, session, "program", session["livekit_agent_token"])
    assert status == 200
    event = {
        "event_id": "e1",
        "event_type": "avatar.speak_text",
        "session_id": session["session_id"],
        "text": "Hi",
    }
    publish(standins, program["participant_id"], event)
    only_problem(la, "text cannot be spoken in LITE")


def test_speak_response_without_a_context_is_a_problem(standins: StandIns, la: Recording) -> None:
    session = started(standins, {**FULL, "avatar_persona": {}})
    _, program = join(standins, session, "program", session["livekit_agent_token"])
    event = {
        "event_id": "e1",
        "event_type": "avatar.speak_response",
        "session_id": session["session_id"],
        "text": "Why?",
    }
    publish(standins, program["participant_id"], event)
    only_problem(la, "no context: FULL avatar stays silent")


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"session_id": str(uuid.uuid4())}, "is not the room's session"),
        ({"type": "avatar.speak_text"}, "unknown fields"),
        ({"event_id": None}, "event_id must be"),
        ({"event_type": "avatar.speak"}, "unknown event_type"),
    ],
    ids=["other-session", "extra-field", "no-event-id", "unknown-type"],
)
def test_full_events_are_checked(
    standins: StandIns, la: Recording, change: dict[str, Any], fragment: str
) -> None:
    session = started(standins, FULL)
    _, program = join(standins, session, "program", session["livekit_agent_token"])
    event = {
        "event_id": "e1",
        "event_type": "avatar.speak_text",
        "session_id": session["session_id"],
        "text": "Hi",
        **change,
    }
    publish(standins, program["participant_id"], event)
    only_problem(la, fragment)


def test_events_go_on_agent_control(standins: StandIns, la: Recording) -> None:
    session = started(standins, FULL)
    _, program = join(standins, session, "program", session["livekit_agent_token"])
    event = {
        "event_id": "e1",
        "event_type": "avatar.interrupt",
        "session_id": session["session_id"],
    }
    publish(standins, program["participant_id"], event, topic="agent-response")
    only_problem(la, "agent-control")


# LiveKit rooms --------------------------------------------------------------------------------
def test_duplicate_identity_kicks_the_viewer(standins: StandIns, la: Recording) -> None:
    session = started(standins, FULL)
    assert join(standins, session, "viewer")[0] == 200
    status, _ = join(standins, session, "program")  # the same client token
    assert status == 200
    only_problem(la, "the viewer was kicked out")


def test_a_kicked_program_cannot_publish(standins: StandIns, la: Recording) -> None:
    session = started(standins, FULL)
    _, program = join(standins, session, "program")
    assert join(standins, session, "viewer")[0] == 200
    event = {
        "event_id": "e1",
        "event_type": "avatar.interrupt",
        "session_id": session["session_id"],
    }
    assert publish(standins, program["participant_id"], event) == 409
    only_problem(la, "DUPLICATE_IDENTITY")


def test_a_foreign_token_cannot_join(standins: StandIns, la: Recording) -> None:
    session = started(standins, FULL)
    forged = issue("viewer-1", "liveavatar-" + str(uuid.uuid4()))
    assert join(standins, session, "viewer", forged)[0] == 409
    only_problem(la, "unknown room")


# The LITE WebSocket ---------------------------------------------------------------------------
def test_lite_websocket_accepts_its_vocabulary_only(standins: StandIns, la: Recording) -> None:
    session = started(standins, LITE)
    audio = base64.b64encode(b"\x01\x00" * 2400).decode()
    with ws_connect(session["ws_url"]) as ws:
        assert json.loads(ws.recv())["state"] == "connected"
        ws.send(json.dumps({"type": "agent.speak", "event_id": "u1", "audio": audio}))
        ws.send(json.dumps({"type": "agent.speak", "event_id": "u1", "audio": audio}))
        ws.send(json.dumps({"type": "agent.speak_end", "event_id": "u1"}))
        ws.send(json.dumps({"type": "agent.interrupt"}))
        ws.send(json.dumps({"type": "session.keep_alive", "event_id": "k1"}))
        ws.send(json.dumps({"type": "agent.audio_buffer_append", "audio": audio}))
        ws.send(json.dumps({"type": "agent.speak", "audio": audio}))  # no event_id
    assert standins.realtime.wait_idle(5.0)
    assert len(la.problems) == 2, la.problems
    assert "unknown message" in la.problems[0] and "audio_buffer_append" in la.problems[0]
    assert "agent.speak takes ['audio', 'event_id']" in la.problems[1]
    trace = la.trace()
    assert trace[2].startswith("speak_audio s1 '9600' "), trace
    assert trace[3:] == ["interrupt s1", "keep_alive s1"]


# The ported cases really do something before migration ---------------------------------------
PORTED = ["requests_script", "aiohttp_client", "split_flow", "example_app"]


@pytest.mark.parametrize("name", PORTED)
def test_original_phase_of_ported_cases_is_non_trivial(
    name: str, standins: StandIns, tmp_path: Path
) -> None:
    case = Case.load(Path(__file__).parent / "corpus" / name)
    result = run_phase(standins, case, copy_project(case, tmp_path / "project"), "heygen")
    assert result.ok and result.problems == [], result.describe()
    kinds = {line.split()[0] for line in result.trace}
    assert {"session.token", "session.start", "stop"} <= kinds, result.describe()
    assert kinds & {"speak_text", "speak_response"}, result.describe()
