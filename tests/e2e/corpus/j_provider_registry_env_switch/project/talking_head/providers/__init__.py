import os

from .base import Provider, Stage
from .console import ConsoleProvider
from .heygen import HeyGenProvider

PROVIDERS = {"heygen": HeyGenProvider, "console": ConsoleProvider}


def get_provider(name=None) -> Provider:
    name = (name or os.getenv("AVATAR_PROVIDER", "console")).lower()
    try:
        return PROVIDERS[name]()
    except KeyError:
        raise SystemExit(f"unknown AVATAR_PROVIDER {name!r}; pick one of {sorted(PROVIDERS)}")


__all__ = ["Provider", "Stage", "get_provider"]
