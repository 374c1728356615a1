from .client import AvatarClient, StreamingError

__all__ = ["AvatarClient", "StreamingError"]
