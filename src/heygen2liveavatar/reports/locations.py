"""Where a reported path points: repository-relative forward-slash paths and file URIs.

Reports that end up on a web page (SARIF in code scanning, Markdown in a pull request)
need paths relative to the checkout, spelled with ``/`` on every platform; the text,
JSON and GitHub formats print the path as given, per the contract.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from urllib.parse import quote


def relative_posix(path: str, base: str | None = None) -> str | None:
    """``path`` relative to ``base`` (default: the working directory) with ``/`` separators.

    ``None`` when the path lies outside ``base`` (or on another drive), because a
    ``../`` path means nothing to a viewer rooted at the checkout.
    """
    base_dir = os.path.abspath(base if base is not None else os.getcwd())
    target = os.path.abspath(path)
    try:
        relative = os.path.relpath(target, base_dir)
    except ValueError:  # Windows: another drive
        return None
    posix = PurePosixPath(*Path(relative).parts).as_posix()
    if posix == ".." or posix.startswith("../"):
        return None
    return posix


def uri_path(path: str) -> str:
    """A relative path as a URI reference: ``%``-encoded, ``/`` kept."""
    return quote(path, safe="/")


def file_uri(path: str) -> str:
    """An absolute ``file://`` URI for ``path``."""
    return Path(os.path.abspath(path)).as_uri()


__all__ = ["file_uri", "relative_posix", "uri_path"]
