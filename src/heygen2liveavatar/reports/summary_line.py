"""The text report's closing line, shared by the full reporter and the start-up fast path.

Imports nothing, so the fast path can print exactly what the text reporter would.
"""

from __future__ import annotations


def _plural(count: int, word: str, plural: str) -> str:
    return f"{count} {word if count == 1 else plural}"


def summary_line(
    mode: str,
    files_changed: int,
    fixes: int,
    manual: int,
    errors: int,
    files_scanned: int,
    acknowledged: int = 0,
) -> str:
    verb = "changed" if mode == "write" else "would change"
    line = (
        f"{_plural(files_changed, 'file', 'files')} {verb}, {_plural(fixes, 'fix', 'fixes')}, "
        f"{manual} manual, {_plural(errors, 'error', 'errors')} "
        f"({_plural(files_scanned, 'file', 'files')} scanned)"
    )
    if acknowledged:
        line += f"; {_plural(acknowledged, 'manual item', 'manual items')} already marked"
    return line
