from .base import AvatarProvider, LiveRoom, ProviderError, get_provider, register
from . import heygen, simli  # noqa: F401  (registers the providers)

__all__ = ["AvatarProvider", "LiveRoom", "ProviderError", "get_provider", "register"]
