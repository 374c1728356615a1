from .client import KioskAvatar

__all__ = ["KioskAvatar"]
