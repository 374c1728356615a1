from .base import BaseAvatarClient, Room
from .heygen import HeyGenClient

_PROVIDERS: dict[str, type[BaseAvatarClient]] = {"heygen": HeyGenClient}


def get_client(provider: str = "heygen") -> BaseAvatarClient:
    try:
        cls = _PROVIDERS[provider]
    except KeyError:
        raise ValueError(f"unknown avatar provider {provider!r}") from None
    return cls.from_env()


__all__ = ["BaseAvatarClient", "HeyGenClient", "Room", "get_client"]
