from .avatar import AvatarSession, HeyGenAvatarSink, SessionInfo

__all__ = ["AvatarSession", "HeyGenAvatarSink", "SessionInfo"]
