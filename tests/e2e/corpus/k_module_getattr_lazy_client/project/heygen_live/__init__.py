"""heygen_live: a tiny wrapper around HeyGen's streaming avatar API.

    import heygen_live
    room = heygen_live.client.open()

``heygen_live.client`` is created on first use (PEP 562 module ``__getattr__``), so importing
the package never needs the API key.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["client", "StreamingClient"]

if TYPE_CHECKING:
    from ._client import StreamingClient

_client = None


def __getattr__(name: str):
    global _client
    if name == "client":
        if _client is None:
            from ._client import StreamingClient

            _client = StreamingClient.from_env()
        return _client
    if name == "StreamingClient":
        from ._client import StreamingClient

        return StreamingClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
