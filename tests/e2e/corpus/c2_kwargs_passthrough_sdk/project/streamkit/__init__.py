"""streamkit: the team's tiny wrapper around HeyGen's streaming avatar API."""
from .client import Client, StreamingSession

__all__ = ["Client", "StreamingSession"]
