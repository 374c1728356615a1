"""Which processor handles a file, by name: Python, notebooks, dependency manifests, inventory.

Python files go through LibCST; the other kinds have their own text-level processors in
this package, loaded only when such a file passes the pre-filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Finding

# The kinds and the name test live in ``walk.py`` (light, used before anything heavy loads).
from .walk import (
    KIND_CONFIG,
    KIND_DEPENDENCIES,
    KIND_INVENTORY,
    KIND_NOTEBOOK,
    KIND_PYTHON,
    kind_of,
)

__all__ = [
    "KIND_CONFIG",
    "KIND_DEPENDENCIES",
    "KIND_INVENTORY",
    "KIND_NOTEBOOK",
    "KIND_PYTHON",
    "FileMigration",
    "kind_of",
]


@dataclass
class FileMigration:
    """What a non-Python processor produced for one file."""

    data: bytes
    """The new content (the old content when nothing changes)."""
    findings: list[Finding] = field(default_factory=list)
    acknowledged: list[Finding] = field(default_factory=list)
    diff: str = ""
    support_modules: dict[str, str] = field(default_factory=dict)
    """Helper modules the new content imports (name -> rule code), written beside the file."""
    packages: set[str] = field(default_factory=set)
    """Distribution packages the new content needs at run time."""

    @property
    def changed(self) -> bool:
        return bool(self.diff)
