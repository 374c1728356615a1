"""``--format json``: the contract's JSON report."""

from __future__ import annotations

import json
from typing import Any

from .._version import __version__
from ..engine.results import FileResult, RunSummary
from .base import Reporter


def file_to_json(result: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": result.path,
        "status": result.status,
        "findings": [finding.to_json() for finding in result.findings],
        "error": result.error,
    }
    if result.acknowledged:
        # Extension: manual findings already marked by an earlier run (not counted as open).
        data["acknowledged"] = [finding.to_json() for finding in result.acknowledged]
    return data


def build_report(summary: RunSummary, results: list[FileResult]) -> dict[str, Any]:
    return {
        "version": 1,
        "tool": {"name": "heygen2liveavatar", "version": __version__},
        "files": [file_to_json(result) for result in results],
        "summary": summary.to_json(),
    }


class JsonReporter(Reporter):
    def finish(self, summary: RunSummary, results: list[FileResult]) -> None:
        json.dump(build_report(summary, results), self.context.out, indent=2)
        self.context.out.write("\n")
