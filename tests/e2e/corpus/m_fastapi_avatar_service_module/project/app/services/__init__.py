from .avatar_service import AvatarService, avatar_service

__all__ = ["AvatarService", "avatar_service"]
