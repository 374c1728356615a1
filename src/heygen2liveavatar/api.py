"""The Python API: migrate one source string."""

from __future__ import annotations

from collections.abc import Sequence

from .engine.transform import MigrationResult, migrate_text
from .rules import select_rules


def migrate_source(
    source: str,
    filename: str = "<string>",
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> MigrationResult:
    """Migrate Python ``source``; see the contract for ``result.code/changed/findings``.

    Raises :class:`heygen2liveavatar.MigrationError` for source that cannot be parsed.
    """
    rules = select_rules(select, ignore)
    return migrate_text(source, filename, rules)


__all__ = ["MigrationResult", "migrate_source"]
