import json

import httpx
import pytest

from concierge.providers import ProviderError, get_provider
from concierge.settings import get_settings

HEYGEN = "https://api.heygen.com/v1"


def heygen_api(calls):
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append((str(request.url), json.loads(request.content or b"{}")))
        assert request.headers["x-api-key"] == "test-key"
        if request.url == f"{HEYGEN}/streaming.new":
            return httpx.Response(
                200,
                json={"code": 100, "data": {"session_id": "sess-1", "url": "wss://room.example", "access_token": "jwt"}},
            )
        if request.url == f"{HEYGEN}/streaming.task":
            return httpx.Response(200, json={"code": 100, "data": {"task_id": "t-1", "duration_ms": 1200}})
        if request.url in (f"{HEYGEN}/streaming.start", f"{HEYGEN}/streaming.stop", f"{HEYGEN}/streaming.interrupt"):
            return httpx.Response(200, json={"code": 100, "data": None})
        return httpx.Response(404, json={"code": 404, "message": "not found"})

    return handler


@pytest.mark.anyio
async def test_open_speak_close():
    calls = []
    async with httpx.AsyncClient(transport=httpx.MockTransport(heygen_api(calls))) as client:
        provider = get_provider(get_settings(), client)
        session = await provider.open_session()
        assert session.room_url == "wss://room.example"
        assert session.room_token == "jwt"
        assert await provider.speak(session.session_id, "Hello") == "t-1"
        await provider.close_session(session.session_id)
    assert [url for url, _ in calls] == [
        f"{HEYGEN}/streaming.new",
        f"{HEYGEN}/streaming.start",
        f"{HEYGEN}/streaming.task",
        f"{HEYGEN}/streaming.stop",
    ]
    assert calls[0][1]["avatar_id"] == "Anna_public_3_20240108"
    assert calls[2][1] == {"session_id": "sess-1", "text": "Hello", "task_type": "repeat"}


@pytest.mark.anyio
async def test_error_is_provider_error():
    def handler(request):
        return httpx.Response(401, json={"code": 401, "message": "bad key"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        provider = get_provider(get_settings(), client)
        with pytest.raises(ProviderError):
            await provider.open_session()


@pytest.fixture
def anyio_backend():
    return "asyncio"
