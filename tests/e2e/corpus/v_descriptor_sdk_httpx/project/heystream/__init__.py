"""heystream: a small typed SDK for HeyGen's Streaming API."""
from .client import StreamingClient
from .errors import HeyStreamError

__all__ = ["StreamingClient", "HeyStreamError"]
