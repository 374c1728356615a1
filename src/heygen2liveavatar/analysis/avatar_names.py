"""Whether a name is an avatar setting; without LibCST, for the project facts' byte scan too."""

from __future__ import annotations

_NOT_AVATAR_PARTS = frozenset(
    {"url", "uri", "api", "host", "base", "endpoint", "key", "token", "secret", "list", "dir"}
)
"""Words that make a name containing "avatar" something else: ``SUPPORT_AVATAR_API`` (a
base URL), ``AVATAR_API_KEY``, ``avatar_list``."""


def names_avatar(name: str) -> bool:
    """Is ``name`` (a variable, attribute or environment variable) an avatar setting?"""
    lower = name.lower()
    if "avatar" not in lower or lower.endswith(("url", "list", "endpoint")):
        return False
    return not _NOT_AVATAR_PARTS & set(lower.split("_"))


__all__ = ["names_avatar"]
