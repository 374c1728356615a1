"""The whole-repo inventory: non-Python files that use HeyGen streaming, reported, never rewritten.

JavaScript/TypeScript, ``package.json``, ``.env*``, CI and compose YAML, Dockerfiles and docs go
through every selected inventory rule (``rules.inventory.TextScanRule``); each finding is
``manual`` at a 1-based line and column of the file. The file's bytes are returned unchanged,
so the runner never writes or diffs it.

A line that carries ``heygen2liveavatar: ignore`` (or ``ignore[H2L912]``), or follows a line
that does, is skipped, in whatever comment syntax the file uses (``#``, ``//``, ``<!-- -->``).
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..analysis.suppressions import ALL_CODES, suppression
from ..model import KIND_MANUAL, Finding, MigrationError
from .filekinds import FileMigration

if TYPE_CHECKING:
    from ..rules.base import RuleClass


def decode_text(data: bytes) -> str:
    """Text for scanning: UTF-8 (BOM dropped); undecodable bytes become U+FFFD, never an error.

    The inventory only reads, so a stray Latin-1 byte must not stop the scan; replacing a byte
    with one character keeps every line and almost every column where it was.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    return data.decode("utf-8", "replace")


def suppressed_lines(text: str) -> dict[int, frozenset[str] | None]:
    """1-based line -> codes ignored there (``None``: every rule) from suppression comments."""
    suppressed: dict[int, frozenset[str] | None] = {}
    if suppression(text) is None:
        return suppressed
    for number, line in enumerate(text.splitlines(), start=1):
        found = suppression(line)
        if found is None:
            continue
        codes = None if found is ALL_CODES else found
        for target in (number, number + 1):  # the comment's line and the line below it
            previous = suppressed.get(target, frozenset())
            if codes is None or previous is None:
                suppressed[target] = None
            else:
                suppressed[target] = previous | codes
    return suppressed


def scan_text(path: str, text: str, rules: Sequence[RuleClass]) -> list[Finding]:
    """Manual findings of every selected inventory rule for ``text``, read as a file named ``path``."""
    from ..rules.inventory import TextScanRule

    suppressed = suppressed_lines(text)
    findings: set[Finding] = set()
    for rule_class in rules:
        if not issubclass(rule_class, TextScanRule):
            continue
        try:
            found = rule_class().scan_text(path, text)
        except Exception as exc:  # a rule bug must fail this file only, loudly
            raise MigrationError(
                f"rule {rule_class.code} failed: {type(exc).__name__}: {exc}", path
            ) from exc
        for line, column, message in found:
            if line in suppressed:
                codes = suppressed[line]
                if codes is None or rule_class.code in codes:
                    continue
            findings.add(Finding(rule_class.code, KIND_MANUAL, line, column, message))
    return sorted(findings)


def scan_inventory(data: bytes, display: str, rules: Sequence[RuleClass]) -> FileMigration:
    """Report a non-Python file's HeyGen streaming usage; the content is returned unchanged."""
    return FileMigration(data, scan_text(display, decode_text(data), rules))


__all__ = ["decode_text", "scan_inventory", "scan_text", "suppressed_lines"]
