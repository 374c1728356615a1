"""avkit: a small typed client for HeyGen's Interactive Avatar API."""
from ._client import Client
from ._errors import APIError
from .types import Session, TaskResult

__all__ = ["APIError", "Client", "Session", "TaskResult"]
