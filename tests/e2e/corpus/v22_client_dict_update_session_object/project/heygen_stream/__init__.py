from .client import HeyGenStreamingClient, StreamSession

__all__ = ["HeyGenStreamingClient", "StreamSession"]
