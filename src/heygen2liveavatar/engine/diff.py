"""Unified diffs that ``git apply`` accepts."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

NO_NEWLINE = "\\ No newline at end of file\n"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_lines(text: str) -> list[str]:
    """Lines ending at Python's newlines only (``\\n``, ``\\r\\n``, ``\\r``), ends kept.

    ``str.splitlines`` also cuts at form feeds, ``\\x1c``-``\\x1e``, ``\\x85`` and U+2028/9,
    which are ordinary characters in Python source: a diff built from such pieces would mark
    half a line as having no newline and ``git apply`` would reject it.
    """
    return _LINE.findall(text)


Opcode = tuple[str, int, int, int, int]


def line_opcodes(old: Sequence[str], new: Sequence[str]) -> list[Opcode]:
    """``difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()``, on the lines
    between the common first and last lines only. The matcher's longest-match search is
    quadratic in a line repeated many times (the reduction's placeholder lines, blank lines):
    a module of fifty thousand lines with one change near its top took minutes."""
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    codes: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    middle = difflib.SequenceMatcher(
        None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False
    )
    codes += [
        (tag, i1 + head, i2 + head, j1 + head, j2 + head)
        for tag, i1, i2, j1, j2 in middle.get_opcodes()
        if (tag, i1, i2, j1, j2) != ("equal", 0, 0, 0, 0)
    ]
    if tail:
        codes.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
    return codes


def diff_path(display: str) -> str:
    path = display.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path.lstrip("/")


REDACTED = "***"


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret replaced by ``***`` (longest first: one may contain another)."""
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


def unified_diff(
    old: str, new: str, display: str, context: int = 3, secrets: Iterable[str] = ()
) -> str:
    """A git-style unified diff of ``old`` -> ``new`` (empty when they are equal).

    ``secrets`` (hard-coded API keys) are shown as ``***``: such a hunk is for reading, and
    ``git apply`` rejects it, which is better than a key in a CI log.
    """
    if old == new:
        return ""
    secrets = tuple(secrets)
    if secrets:
        return redact(unified_diff(old, new, display, context), secrets)
    path = diff_path(display)
    old_lines = split_lines(old)
    new_lines = split_lines(new)
    out: list[str] = []
    for line in difflib.unified_diff(old_lines, new_lines, f"a/{path}", f"b/{path}", n=context):
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:
            out.append(line + "\n")
            out.append(NO_NEWLINE)
    return "".join(out)


def new_file_diff(content: str, display: str) -> str:
    """A diff that creates ``display`` with ``content`` (``git apply`` creates the file)."""
    path = diff_path(display)
    lines = split_lines(content)
    header = f"diff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n+++ b/{path}\n"
    body = "".join(
        f"+{line}" if line.endswith("\n") else f"+{line}\n{NO_NEWLINE}" for line in lines
    )
    return f"{header}@@ -0,0 +1,{len(lines)} @@\n{body}"
