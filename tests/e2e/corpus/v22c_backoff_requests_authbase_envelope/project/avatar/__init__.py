from .client import HeyGenError, StreamingAvatar

__all__ = ["HeyGenError", "StreamingAvatar"]
