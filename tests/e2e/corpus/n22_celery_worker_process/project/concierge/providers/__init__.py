import httpx

from ..settings import Settings
from .base import AvatarProvider, AvatarSession, ProviderError
from .heygen import HeyGenProvider

_PROVIDERS = {
    "heygen": HeyGenProvider,
}


def get_provider(settings: Settings, client: httpx.AsyncClient) -> AvatarProvider:
    try:
        cls = _PROVIDERS[settings.avatar_provider]
    except KeyError:
        raise ValueError(f"unknown avatar provider {settings.avatar_provider!r}") from None
    return cls(client, settings)


__all__ = ["AvatarProvider", "AvatarSession", "ProviderError", "get_provider"]
