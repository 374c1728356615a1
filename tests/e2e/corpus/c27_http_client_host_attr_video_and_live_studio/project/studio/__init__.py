from .client import LiveRoom, Studio, StudioError

__all__ = ["LiveRoom", "Studio", "StudioError"]
