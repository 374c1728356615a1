from .client import StreamingClient
from .errors import APIError, AuthError, SessionNotFoundError, RateLimitError

__all__ = ["StreamingClient", "APIError", "AuthError", "SessionNotFoundError", "RateLimitError"]
