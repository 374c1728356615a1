r"""Where a reported path points: one spelling for every format, and file URIs.

Every format spells a path the same way (:func:`display_path`): relative to the working
directory when the file is under it, without ``./``, with ``/`` separators, so that the
text report, the JSON report and a GitHub annotation name a file identically. Reports that
end up on a web page (SARIF in code scanning, Markdown in a pull request) also need URIs.

File names are not always text: on POSIX a name is bytes, which Python carries as lone
surrogates (``surrogateescape``). No report may crash on one or write one (a lone surrogate
is not valid UTF-8 and strict JSON parsers reject its escape): URIs percent-encode the
original bytes, everything else shows them as ``\xNN`` (:func:`printable`).
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
    if os.sep == "/":
        # Both are absolute and normalised: a prefix test says what ``relpath`` would
        # (without its list of components per call: this runs for every file of a scan).
        if target == base_dir:
            return "."
        inside = base_dir if base_dir.endswith("/") else base_dir + "/"
        return target[len(inside) :] if target.startswith(inside) else None
    try:
        relative = os.path.relpath(target, base_dir)
    except ValueError:  # Windows: another drive
        return None
    posix = PurePosixPath(*Path(relative).parts).as_posix()
    if posix == ".." or posix.startswith("../"):
        return None
    return posix


def display_path(path: str) -> str:
    """The one spelling of a reported path: ``src/app.py``, never ``./src/app.py``.

    Relative to the working directory when the file is under it; otherwise as given,
    with ``/`` separators. ``-`` (standard input) and names that are not paths stay as
    they are.
    """
    if path in ("-", "") or path.startswith("<"):
        return path
    if os.sep == "/" and _plain_relative(path):
        # Already what ``relative_posix`` would make of it (two ``abspath`` calls, each
        # asking the system for the working directory: a run reports every file it scans).
        while path.startswith("./"):
            path = path[2:]
        return path
    relative = relative_posix(path)
    if relative is not None and relative != ".":
        return relative
    if os.sep != "/":  # a backslash is an ordinary character in POSIX names
        path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _plain_relative(path: str) -> bool:
    """A relative POSIX path naming a file under the working directory in normal form
    (after any leading ``./``): no ``.`` or ``..`` component, no doubled or trailing ``/``."""
    if path.startswith("/") or path.endswith("/") or "//" in path:
        return False
    while path.startswith("./"):
        path = path[2:]
    parts = path.split("/")
    return bool(path) and "." not in parts and ".." not in parts


def printable(text: str) -> str:
    """``text`` without lone surrogates: undecodable bytes of a file name become ``\\xNN``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def uri_path(path: str) -> str:
    """A relative path as a URI reference: ``%``-encoded (the bytes of the name), ``/`` kept."""
    return quote(os.fsencode(path), safe="/")


def file_uri(path: str) -> str:
    """An absolute ``file://`` URI for ``path`` (percent-encoding the bytes of the name)."""
    absolute = os.path.abspath(path)
    if os.name == "nt":  # pragma: no cover - drive letters and backslashes
        return Path(absolute).as_uri()
    return "file://" + quote(os.fsencode(absolute), safe="/")


__all__ = ["display_path", "file_uri", "printable", "relative_posix", "uri_path"]
