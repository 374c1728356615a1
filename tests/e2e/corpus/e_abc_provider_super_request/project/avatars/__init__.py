from .base import BaseAvatarProvider, ProviderError
from .heygen import HeyGenProvider

PROVIDERS = {"heygen": HeyGenProvider}


def get_provider(name: str, **kwargs) -> BaseAvatarProvider:
    try:
        cls = PROVIDERS[name]
    except KeyError:
        raise ProviderError(f"unknown avatar provider {name!r}") from None
    return cls(**kwargs)


__all__ = ["BaseAvatarProvider", "HeyGenProvider", "ProviderError", "get_provider"]
