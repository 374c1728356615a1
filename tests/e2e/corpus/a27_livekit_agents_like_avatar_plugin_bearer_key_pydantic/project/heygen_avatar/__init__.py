from .avatar import AvatarSession
from .models import NewSessionResponse, SessionInfo

__all__ = ["AvatarSession", "NewSessionResponse", "SessionInfo"]
