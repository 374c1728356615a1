"""The avatar provider, chosen by configuration (``AVATAR_PROVIDER``)."""

import os

from .heygen import HeyGenProvider
from .liveavatar import LiveAvatarProvider

PROVIDERS = {"heygen": HeyGenProvider, "liveavatar": LiveAvatarProvider}
KEYS = {"heygen": "HEYGEN_API_KEY", "liveavatar": "LIVEAVATAR_API_KEY"}


def get_provider():
    name = os.getenv("AVATAR_PROVIDER", "liveavatar")
    return PROVIDERS[name](os.environ[KEYS[name]])
