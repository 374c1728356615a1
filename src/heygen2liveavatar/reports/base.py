"""The reporter interface: results stream in, a report comes out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from ..engine.results import FileResult, RunSummary


@dataclass
class ReportContext:
    mode: str
    """``write``, ``diff`` or ``check``."""
    out: IO[str]
    """Where the report goes (standard output)."""
    err: IO[str]
    """Where diagnostics and, for machine formats, diffs go (standard error)."""
    color: bool = False
    quiet: bool = False
    verbose: bool = False
    tool_version: str = ""
    rule_codes: tuple[str, ...] | None = None
    style: str = "full"
    """Text only: ``full`` (message, source line and caret) or ``concise`` (one line each)."""
    statistics: bool = False
    """Only the per-rule table (``--statistics``)."""


class Reporter:
    """Receives every file result in order, then the summary."""

    machine_readable = True

    def __init__(self, context: ReportContext) -> None:
        self.context = context

    def file(self, result: FileResult) -> None:
        """Called for every processed file (also unchanged ones), in input order."""

    def finish(self, summary: RunSummary, results: list[FileResult]) -> None:
        """``results`` holds the reportable results only (changed, with findings, or failed)."""
