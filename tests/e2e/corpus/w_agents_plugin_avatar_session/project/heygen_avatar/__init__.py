from .avatar import AvatarSession, HeyGenException

__all__ = ["AvatarSession", "HeyGenException"]
