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
    files_created: int = 0,
) -> str:
    verb = "changed" if mode == "write" else "would change"
    created = ""
    if files_created:
        created = f"{files_created} {'created' if mode == 'write' else 'would be created'}, "
    line = (
        f"{_plural(files_changed, 'file', 'files')} {verb}, {created}"
        f"{_plural(fixes, 'fix', 'fixes')}, "
        f"{manual} manual, {_plural(errors, 'error', 'errors')} "
        f"({_plural(files_scanned, 'file', 'files')} scanned)"
    )
    if acknowledged:
        # Open work from earlier runs: it keeps the exit status at 1 like new manual work.
        line += f"; {_plural(acknowledged, 'open marker', 'open markers')} (heygen2liveavatar todo)"
    return line
