"""The ``TODO(heygen2liveavatar)`` markers already in a file: the open to-do list.

A marker is manual work an earlier run left for a person; it stays open until someone
deletes it. ``heygen2liveavatar todo`` lists them, and ``migrate`` reports them under
``acknowledged`` and counts them as manual work that remains.

Markers are read only from the kinds of file the tool writes them into (Python, notebooks,
dependency manifests): a README that shows a marker as an example is not work to do. This
module reads bytes and text only (no LibCST), so listing markers costs a byte search per file.
"""

from __future__ import annotations

import json
import re

from ..model import KIND_MANUAL, MARKER_PREFIX, Finding
from .filekinds import KIND_DEPENDENCIES, KIND_NOTEBOOK, KIND_PYTHON, kind_of

MARKER_BYTES = MARKER_PREFIX.encode("ascii")
# `# TODO(heygen2liveavatar): H2Lnnn message`: the comment sign, the code, the rest of the line.
_MARKER = re.compile(r"#\s*TODO\(heygen2liveavatar\):\s*(H2L\d{3})\b[ \t]*(.*)")
_MARKED_KINDS = frozenset({KIND_PYTHON, KIND_NOTEBOOK, KIND_DEPENDENCIES})


def marker_kind(path: str, data: bytes) -> str | None:
    """The file's kind if markers in it count (Python, notebook, manifest), else None."""
    kind = kind_of(path)
    if kind is None:
        # A file named explicitly whose name says nothing: a Python script by its shebang.
        first_line = data.split(b"\n", 1)[0]
        kind = KIND_PYTHON if first_line.startswith(b"#!") and b"python" in first_line else None
    return kind if kind in _MARKED_KINDS else None


def _notebook_message(rest: str) -> str:
    """The message of a marker inside a notebook's JSON string: up to the closing quote."""
    end = 0
    escaped = False
    for end, char in enumerate(rest):  # noqa: B007 - `end` is read after the loop
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            break
    else:
        end = len(rest)
    try:
        text = json.loads(f'"{rest[:end]}"')
    except ValueError:
        text = rest[:end]
    return str(text).strip()


def scan_markers(data: bytes, path: str) -> list[Finding]:
    """Every marker in ``data`` (the content of ``path``), positioned at its ``#``.

    Lines and columns are 1-based in the file as stored (for a notebook, in the ``.ipynb``
    JSON text, like every other position the tool reports in a notebook).
    """
    if MARKER_BYTES not in data:
        return []
    kind = marker_kind(path, data)
    if kind is None:
        return []
    text = data.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    found: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if MARKER_PREFIX not in line:
            continue
        match = _MARKER.search(line)
        if match is None:
            continue
        rest = match.group(2)
        message = _notebook_message(rest) if kind == KIND_NOTEBOOK else rest.strip()
        found.append(Finding(match.group(1), KIND_MANUAL, number, match.start() + 1, message))
    return found


__all__ = ["MARKER_BYTES", "marker_kind", "scan_markers"]
