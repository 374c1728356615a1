from .client import AvatarClient, LiveSession, TaskType

__all__ = ["AvatarClient", "LiveSession", "TaskType"]
