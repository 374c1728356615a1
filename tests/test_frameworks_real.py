"""The migrated framework fixtures build the frameworks' LiveAvatar objects for real.

Optional: ``pip install '.[frameworks]'`` (pipecat-ai[heygen], vision-agents-plugins-liveavatar,
livekit-plugins-liveavatar). This module installs nothing; each framework's tests are skipped,
with the reason, when the framework is absent or older than the version the H2L5xx rules
target (the versions the fixtures name). The sockets are closed for the duration: building
these objects must not touch the network, and nothing here starts a session.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import runpy
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from heygen2liveavatar.analysis.requirements import compare
from heygen2liveavatar.apispec import frameworks as fw

FIXTURES = Path(__file__).parent / "fixtures"
UUID = "0b7c1f1e-6a1f-4a34-9f0b-2c3d4e5f6a7b"


def _installed(distribution: str, minimum: str) -> str | None:
    """Why the framework cannot be tested here, or ``None`` when it can."""
    try:
        version = importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return f"{distribution} is not installed (pip install '.[frameworks]')"
    if compare(version, minimum) < 0:
        return f"{distribution} {version} is older than {minimum}, which the rules target"
    return None


_PIPECAT = _installed(fw.PIPECAT_PACKAGE, fw.PIPECAT_MIN_VERSION)
_VISION = _installed(fw.VISION_LIVEAVATAR_PACKAGE, fw.VISION_MIN_VERSION)
_LIVEKIT = _installed(fw.LIVEKIT_LIVEAVATAR_PACKAGE, fw.LIVEKIT_MIN_VERSION)
needs_pipecat = pytest.mark.skipif(_PIPECAT is not None, reason=_PIPECAT or "")
needs_vision = pytest.mark.skipif(_VISION is not None, reason=_VISION or "")
needs_livekit = pytest.mark.skipif(_LIVEKIT is not None, reason=_LIVEKIT or "")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("tests/test_frameworks_real.py must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIVEAVATAR_API_KEY", "test-liveavatar-key")
    monkeypatch.setenv("LIVEAVATAR_AVATAR_ID", UUID)
    monkeypatch.setenv("HEYGEN_AVATAR_ID", UUID)
    monkeypatch.setenv("HEYGEN_API_KEY", "test-key-from-the-old-setting")


def load(area: str, case: str) -> dict[str, Any]:
    """Run a migrated fixture (``expected.py``) as a module, not as ``__main__``."""
    return runpy.run_path(str(FIXTURES / area / case / "expected.py"), run_name="migrated_fixture")


def run(coroutine_factory: Callable[[], Any]) -> Any:
    return asyncio.run(coroutine_factory())


# --------------------------------------------------------------------------------------
# pipecat
# --------------------------------------------------------------------------------------

PIPECAT_AREA = "H2L501-pipecat-heygen-service"


def _pipecat_client(service: Any, session: Any) -> Any:
    """The ``HeyGenClient`` pipecat builds for a service on start (without starting it)."""
    from pipecat.services.heygen.client import HeyGenCallbacks, HeyGenClient
    from pipecat.transports.base_transport import TransportParams

    async def nothing(*_args: object) -> None:
        return None

    callbacks = HeyGenCallbacks(**{name: nothing for name in HeyGenCallbacks.model_fields})
    return HeyGenClient(
        api_key="key",
        session=session,
        params=TransportParams(),
        session_request=service._session_request,
        service_type=service._service_type,
        callbacks=callbacks,
    )


def _assert_live_avatar_client(client: Any, request: Any = None) -> None:
    from pipecat.services.heygen.api_liveavatar import LiveAvatarApi, LiveAvatarNewSessionRequest

    assert isinstance(client._api, LiveAvatarApi)
    assert isinstance(client._session_request, LiveAvatarNewSessionRequest)
    if request is not None:
        assert client._session_request is request  # not dropped with a warning


@needs_pipecat
@pytest.mark.usefixtures("env")
def test_pipecat_services_and_requests() -> None:
    import aiohttp
    from pipecat.services.heygen.api_liveavatar import LiveAvatarNewSessionRequest, VideoEncoding
    from pipecat.services.heygen.client import ServiceType
    from pipecat.transports.base_transport import TransportParams

    async def scenario() -> None:
        async with aiohttp.ClientSession() as session:
            aliased = load(PIPECAT_AREA, "aliased_imports")
            service = aliased["build"](session)
            assert service._service_type == ServiceType.LIVE_AVATAR
            _assert_live_avatar_client(_pipecat_client(service, session), service._session_request)
            request = aliased["request_with_encoding"]()
            assert request.video_settings.encoding == VideoEncoding.VP8

            voice = load(PIPECAT_AREA, "interactive_avatar_module_voice")
            request = voice["REQUEST"]
            assert request.video_settings.quality.value == "medium"
            assert request.avatar_persona.context_id == "kb-support"
            service = voice["build"](session, "key")
            _assert_live_avatar_client(_pipecat_client(service, session), request)

            transports = load(PIPECAT_AREA, "transport_positional")
            transport = await transports["make_transport"](session)
            _assert_live_avatar_client(transport._client)
            _assert_live_avatar_client(transports["default_transport"](session)._client)

            legacy = load(PIPECAT_AREA, "request_variable_legacy_names")
            from pipecat.services.heygen.client import HeyGenCallbacks

            async def nothing(*_args: object) -> None:
                return None

            callbacks = HeyGenCallbacks(**{name: nothing for name in HeyGenCallbacks.model_fields})
            client = legacy["make_client"](session, "key", TransportParams(), callbacks)
            _assert_live_avatar_client(client)

            defaults = load(PIPECAT_AREA, "defaults")
            assert isinstance(defaults["DEFAULT_REQUEST"], LiveAvatarNewSessionRequest)
            service = defaults["build"](session, "key")
            _assert_live_avatar_client(_pipecat_client(service, session))

            explicit = load(PIPECAT_AREA, "explicit_interactive_service_type")
            service = explicit["build"](session, "key")
            _assert_live_avatar_client(_pipecat_client(service, session), service._session_request)
            mine = LiveAvatarNewSessionRequest(avatar_id=UUID)
            service = explicit["missing_service_type"](session, "key", mine)
            _assert_live_avatar_client(_pipecat_client(service, session), mine)

            service = load(PIPECAT_AREA, "already_liveavatar")["build"](session)
            _assert_live_avatar_client(_pipecat_client(service, session), service._session_request)

    run(scenario)


@needs_pipecat
@pytest.mark.parametrize(
    "case",
    sorted(p.name for p in (FIXTURES / PIPECAT_AREA).iterdir() if p.is_dir()),
)
def test_pipecat_fixtures_import(case: str) -> None:
    # Every migrated module imports: no name it uses is missing from the installed pipecat.
    load(PIPECAT_AREA, case)


# --------------------------------------------------------------------------------------
# Vision Agents
# --------------------------------------------------------------------------------------

VISION_AREA = "H2L502-vision-agents-heygen-plugin"


@needs_vision
@pytest.mark.usefixtures("env")
def test_vision_agents_avatars() -> None:
    from vision_agents.plugins.liveavatar import Avatar

    async def scenario() -> list[Any]:
        avatars = [load(VISION_AREA, "positional_arguments")["make_avatar"]()]
        avatars.append(load(VISION_AREA, "symbol_imports_aliased")["presenter"](UUID))
        config = SimpleNamespace(avatar=UUID, size=lambda: (640, 360))
        avatars.extend(load(VISION_AREA, "resolution_interval_unknown")["avatars"](config))
        avatars.append(load(VISION_AREA, "already_liveavatar")["avatar"])
        return avatars

    avatars = run(scenario)
    assert all(isinstance(avatar, Avatar) for avatar in avatars)
    positional, aliased, portrait, _computed, migrated_before = avatars
    assert positional._video_quality == "medium" and positional._is_sandbox is False
    assert aliased._video_quality == "low"
    assert portrait._is_sandbox is False and migrated_before._is_sandbox is False


# --------------------------------------------------------------------------------------
# LiveKit Agents
# --------------------------------------------------------------------------------------

LIVEKIT_AREA = "H2L503-livekit-hgl-plugin"


@needs_livekit
@pytest.mark.usefixtures("env")
def test_livekit_avatar_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    from livekit.plugins import liveavatar

    started: list[Any] = []

    async def record_start(self: Any, agent_session: Any, room: Any, **_kwargs: object) -> None:
        started.append(self)  # the real start() opens a session: not here

    monkeypatch.setattr(liveavatar.AvatarSession, "start", record_start)

    async def scenario() -> None:
        session, room = object(), object()
        await load(LIVEKIT_AREA, "symbol_and_submodule_imports")["start_avatar"](session, room)
        await load(LIVEKIT_AREA, "already_liveavatar")["start"](session, room)

    run(scenario)
    assert len(started) == 2
    assert all(isinstance(avatar, liveavatar.AvatarSession) for avatar in started)
