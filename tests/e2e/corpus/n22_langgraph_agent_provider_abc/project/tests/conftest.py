import pytest

from concierge.settings import get_settings


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    monkeypatch.setenv("HEYGEN_API_KEY", "test-key")
    monkeypatch.setenv("AVATAR_ID", "Anna_public_3_20240108")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
