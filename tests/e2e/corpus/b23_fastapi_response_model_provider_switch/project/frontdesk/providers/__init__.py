"""Avatar providers. `AVATAR_PROVIDER=mock` runs the desk without any avatar account."""
from ..config import Settings
from .heygen import HeyGenProvider
from .mock import MockProvider


def make_provider(settings: Settings):
    if settings.avatar_provider == "mock":
        return MockProvider()
    if settings.avatar_provider == "heygen":
        return HeyGenProvider(settings)
    raise ValueError(f"unknown AVATAR_PROVIDER {settings.avatar_provider!r}")
