"""The frontend (browser) joining the session's LiveKit room.

A driver calls ``join(url, token)`` wherever the real frontend would, with what the program
handed out: HeyGen's ``data.url`` / ``data.access_token``, or after migration whatever the
program returns in their place. The stand-in checks the token and records the join.
"""

from __future__ import annotations

from ._recorder import RecorderError, call

__all__ = ["RecorderError", "join"]


def join(url: str, token: str) -> str:
    """Join as the viewer; returns the identity. Raises RecorderError when LiveKit would refuse."""
    result = call("/livekit/connect", {"url": url, "token": token, "role": "viewer"})
    return str(result["identity"])
