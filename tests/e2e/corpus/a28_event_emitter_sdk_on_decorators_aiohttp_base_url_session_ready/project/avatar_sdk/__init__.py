from .client import LiveAvatarClient

__all__ = ["LiveAvatarClient"]
