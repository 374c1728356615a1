"""avatarkit: a small async client for HeyGen's streaming avatars."""
from .client import AvatarKit, AvatarKitError
from .schemas import SpeakRequest, StreamingSession

__all__ = ["AvatarKit", "AvatarKitError", "SpeakRequest", "StreamingSession"]
__version__ = "0.3.1"
