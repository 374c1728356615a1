"""The base of the inventory rules (``H2L91x``): they read non-Python text and never rewrite it.

JavaScript, ``package.json``, environment files, CI configuration, Dockerfiles and docs that use
HeyGen's Streaming API need a person (the JS SDK's API differs, a new API key must be created).
An inventory rule reports each place with the LiveAvatar counterpart. It sits in the registry
like every rule, so ``--select``/``--ignore``, ``rules``, ``explain`` and SARIF metadata cover it;
its ``check`` does nothing for Python modules, and the inventory scanner
(``engine.inventory``) calls :meth:`TextScanRule.scan_text` instead.
"""

from __future__ import annotations

import bisect
from typing import ClassVar

from ..apispec.inventory import text_kind
from ..model import FIX_MANUAL
from .base import Rule, RuleContext

TextFinding = tuple[int, int, str]
"""(line, column, message): 1-based, in the scanned text."""


class LineIndex:
    """Offsets to 1-based (line, column) in one text; columns count characters."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        position = text.find("\n")
        while position != -1:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_start(self, offset: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]


class TextScanRule(Rule):
    """A rule that reports places in non-Python text. Subclasses implement :meth:`scan`."""

    fix = FIX_MANUAL
    applies_to = "HeyGen Streaming API and `@heygen/streaming-avatar` to LiveAvatar (report only)"
    kinds: ClassVar[frozenset[str]] = frozenset()
    """Text kinds (``apispec.inventory.KIND_*``) the rule reads."""
    example_path: ClassVar[str] = ""
    """The file name the docs example stands for (it decides the kind of text)."""
    example_language: ClassVar[str] = ""
    """Code-fence language of the docs example."""

    def check(self, ctx: RuleContext) -> None:
        """Python modules are migrated by the other rules: nothing to do here."""

    def scan_text(self, path: str, text: str) -> list[TextFinding]:
        """Findings for ``text``, the content of a file named ``path`` (never raises for content)."""
        kind = text_kind(path)
        if kind is None or kind not in self.kinds:
            return []
        return self.scan(kind, text, LineIndex(text))

    def scan(self, kind: str, text: str, lines: LineIndex) -> list[TextFinding]:
        raise NotImplementedError

    @classmethod
    def docs(cls) -> str:
        # The example is never rewritten: show the file and the findings it gets, computed
        # here so the docs cannot drift from the rule.
        findings = cls().scan_text(cls.example_path, cls.example_before.strip() + "\n")
        reported = "\n".join(
            f"{cls.example_path}:{line}:{column}: {cls.code} [manual] {message}"
            for line, column, message in findings
        )
        return (
            f"# {cls.code} {cls.name}\n\n"
            f"{cls.summary}\n\n"
            f"## What it does\n\n{cls.description.strip()}\n\n"
            f"## Example\n\n`{cls.example_path}`:\n\n"
            f"```{cls.example_language}\n{cls.example_before.strip()}\n```\n\n"
            f"Reported (the file is left unchanged):\n\n```text\n{reported}\n```\n\n"
            "## Fix safety\n\nNo automatic fix: this file is not Python, so the tool only "
            "reports what to change and the LiveAvatar counterpart.\n\n"
            f"Applies to: {cls.applies_to}.\n"
        )


__all__ = ["LineIndex", "TextFinding", "TextScanRule"]
