"""Greets a visitor with whichever avatar provider is configured."""

from .providers import get_provider


def greet(avatar_id: str) -> str:
    provider = get_provider()
    session = provider.start(avatar_id)
    return session["session_id"]
