"""Minimal client for HeyGen's Interactive Avatar (streaming) API."""
from .client import LiveAvatarClient
from .errors import HeyGenAPIError
from .models import NewSessionRequest, SessionInfo, TaskRequest

__all__ = ["LiveAvatarClient", "HeyGenAPIError", "NewSessionRequest", "SessionInfo", "TaskRequest"]
