"""``--format github``: GitHub Actions workflow commands, one per finding."""

from __future__ import annotations

from ..engine.results import FileResult, RunSummary
from ..model import KIND_MANUAL
from .base import Reporter


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    def finish(self, summary: RunSummary, results: list[FileResult]) -> None:
        out = self.context.out
        for result in results:
            path = _escape_property(result.path)
            if result.error is not None:
                properties = f"file={path}"
                if result.error_line:
                    properties += f",line={result.error_line}"
                out.write(f"::error {properties}::{_escape_data(result.error)}\n")
            for finding in result.findings:
                command = "warning" if finding.kind == KIND_MANUAL else "notice"
                properties = (
                    f"file={path},line={finding.line},col={finding.column},"
                    f"title={_escape_property(finding.rule)}"
                )
                out.write(f"::{command} {properties}::{_escape_data(finding.message)}\n")
