"""``--format json``: the contract's JSON report."""

from __future__ import annotations

import json
from typing import Any

from .._version import __version__
from ..engine.results import FileResult, RunSummary
from ..model import Finding
from .base import Reporter
from .locations import printable
from .rule_names import rule_name


def _finding(finding: Finding) -> dict[str, Any]:
    data = finding.to_json()
    data["message"] = printable(finding.message)
    return data


def file_to_json(result: FileResult) -> dict[str, Any]:
    # Paths and messages pass through `printable`: an undecodable file name would otherwise
    # be written as a lone surrogate escape, which strict JSON parsers reject.
    data: dict[str, Any] = {
        "path": printable(result.path),
        "status": result.status,
        "findings": [_finding(finding) for finding in result.findings],
        "error": None if result.error is None else printable(result.error),
        # Extension (the contract's `todo` section): the markers already in the file, open
        # manual work left by an earlier run; always present, so consumers need no default.
        "acknowledged": [_finding(finding) for finding in result.acknowledged],
    }
    if result.needs:
        # Extension: a partial run left the file unchanged; these files go with it.
        data["needs"] = [printable(name) for name in result.needs]
    return data


def build_report(summary: RunSummary, results: list[FileResult]) -> dict[str, Any]:
    return {
        "version": 1,
        "tool": {"name": "heygen2liveavatar", "version": __version__},
        "files": [file_to_json(result) for result in results],
        "summary": summary.to_json(),
    }


def statistics(summary: RunSummary, results: list[FileResult]) -> list[dict[str, Any]]:
    """``--statistics --format json``: one object per rule that reported something."""
    markers: dict[str, int] = {}
    for result in results:
        for marker in result.acknowledged:
            markers[marker.rule] = markers.get(marker.rule, 0) + 1
    rows = []
    for code in sorted(set(summary.per_rule) | set(markers)):
        counts = summary.per_rule.get(code, {})
        rows.append(
            {
                "code": code,
                "name": rule_name(code),
                "fixes": counts.get("fix", 0),
                "manual": counts.get("manual", 0),
                "open_markers": markers.get(code, 0),
            }
        )
    return rows


class JsonReporter(Reporter):
    def finish(self, summary: RunSummary, results: list[FileResult]) -> None:
        if self.context.statistics:
            json.dump(statistics(summary, results), self.context.out, indent=2)
            self.context.out.write("\n")
            return
        json.dump(build_report(summary, results), self.context.out, indent=2)
        self.context.out.write("\n")
