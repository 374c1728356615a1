from .session import AvatarSession, CONFIG

__all__ = ["AvatarSession", "CONFIG"]
