"""``Backend``: the HeyGen one while some customers are still on it, else LiveAvatar's."""

from . import settings

if settings.AVATAR_PROVIDER == "heygen":
    from .heygen_backend import HeyGenBackend as Backend

    API_KEY = settings.HEYGEN_API_KEY
else:
    from .liveavatar_backend import LiveAvatarBackend as Backend

    API_KEY = settings.LIVEAVATAR_API_KEY

__all__ = ["API_KEY", "Backend"]
