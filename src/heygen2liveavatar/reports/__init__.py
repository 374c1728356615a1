"""Report formats: each reads results and writes one kind of report."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import ReportContext, Reporter

FORMATS = ("text", "json", "github", "sarif", "markdown")


def make_reporter(name: str, context: ReportContext) -> Reporter:
    if name == "text":
        from .text import TextReporter

        return TextReporter(context)
    if name == "json":
        from .json_report import JsonReporter

        return JsonReporter(context)
    if name == "github":
        from .github import GithubReporter

        return GithubReporter(context)
    if name == "sarif":
        from .sarif import SarifReporter

        return SarifReporter(context)
    if name == "markdown":
        from .markdown import MarkdownReporter

        return MarkdownReporter(context)
    raise ValueError(f"unknown format: {name}")


__all__ = ["FORMATS", "make_reporter"]
