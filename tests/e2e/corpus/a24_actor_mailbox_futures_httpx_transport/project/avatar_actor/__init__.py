from .actor import AvatarActor

__all__ = ["AvatarActor"]
