"""Which processor handles a file, by name: Python, notebooks, dependency manifests, inventory.

Python files go through LibCST; the other kinds have their own text-level processors in
this package, loaded only when such a file passes the pre-filter.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field

from ..model import Finding

KIND_PYTHON = "python"
KIND_NOTEBOOK = "notebook"
KIND_DEPENDENCIES = "dependencies"
KIND_INVENTORY = "inventory"

DEPENDENCY_PATTERNS = (
    "requirements*.txt",
    "requirements*.in",
    "constraints*.txt",
    "pyproject.toml",
    "setup.cfg",
)
INVENTORY_PATTERNS = (
    "*.js", "*.jsx", "*.mjs", "*.cjs", "*.ts", "*.tsx", "*.vue", "*.svelte", "package.json",
    ".env", ".env.*", "*.env", "Dockerfile", "Dockerfile.*", "*.dockerfile", "docker-compose*.yml",
    "docker-compose*.yaml", "*.md", "*.rst", "*.yml", "*.yaml",
)  # fmt: skip


def kind_of(path: str, inventory: bool = True) -> str | None:
    name = os.path.basename(path)
    if name.endswith(".py"):
        return KIND_PYTHON
    if name.endswith(".ipynb"):
        return KIND_NOTEBOOK
    if any(fnmatch.fnmatch(name, pattern) for pattern in DEPENDENCY_PATTERNS):
        return KIND_DEPENDENCIES
    if inventory and any(fnmatch.fnmatch(name, pattern) for pattern in INVENTORY_PATTERNS):
        return KIND_INVENTORY
    return None


@dataclass
class FileMigration:
    """What a non-Python processor produced for one file."""

    data: bytes
    """The new content (the old content when nothing changes)."""
    findings: list[Finding] = field(default_factory=list)
    acknowledged: list[Finding] = field(default_factory=list)
    diff: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.diff)
