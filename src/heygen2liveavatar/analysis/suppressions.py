"""The suppression comment: ``# heygen2liveavatar: ignore`` (every rule) or
``# heygen2liveavatar: ignore[H2L201,H2L202]`` (those rules), on a statement's line or on the
line above it (the contract). One reading for the rules, which look at a statement's comments,
and for the inventory, which reads the lines of any text file whatever its comment syntax.
No LibCST here: the inventory scans files without parsing them."""

from __future__ import annotations

import re

ALL_CODES = frozenset({"*"})
"""What a suppression naming no code ignores: every rule."""

_WORD = "heygen2liveavatar:"
_DIRECTIVE = re.compile(r"heygen2liveavatar:\s*ignore(?:\[(?P<codes>[^\]]*)\])?")


def may_hold_suppression(text: str) -> bool:
    """A cheap test before reading a whole module's comments: ``False`` when ``text`` holds no
    suppression."""
    return _WORD in text


def suppression(text: str) -> frozenset[str] | None:
    """What a suppression comment in ``text`` ignores: :data:`ALL_CODES` when it names no
    code, else the rule codes it names (upper-cased); ``None`` when ``text`` holds none."""
    if not may_hold_suppression(text):
        return None
    match = _DIRECTIVE.search(text)
    if match is None:
        return None
    codes = match.group("codes")
    if codes is None:
        return ALL_CODES
    return frozenset(code.strip().upper() for code in codes.split(",") if code.strip())


__all__ = ["ALL_CODES", "may_hold_suppression", "suppression"]
