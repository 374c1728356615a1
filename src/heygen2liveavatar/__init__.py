"""heygen2liveavatar: migrate Python code from HeyGen's Streaming API to LiveAvatar.

The public Python API is :func:`migrate_source`; heavy modules load on first use so
that the command line starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .api import MigrationResult, migrate_source
    from .model import Finding, MigrationError

__all__ = ["Finding", "MigrationError", "MigrationResult", "__version__", "migrate_source"]


def __getattr__(name: str) -> Any:
    if name in ("migrate_source", "MigrationResult"):
        from . import api

        return getattr(api, name)
    if name in ("Finding", "MigrationError"):
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
