"""``--format sarif``: a SARIF 2.1.0 log for code scanning (GitHub, GitLab, Azure DevOps).

One run; ``tool.driver.rules`` describes every registered rule (its docs become the rule
help), and every open finding becomes one result pointing at its place in the original
source. Files that could not be processed become ``toolExecutionNotifications`` of the
single invocation, which is then not ``executionSuccessful``.

Markers an earlier run left in the files (``acknowledged``) are open manual work: they are
results too (warnings, with ``"marker": true`` among their properties), as they keep the
exit status at 1. A file the run creates (the helper module) has no results: its path is not
in the commit code scanning looks at. Messages and URIs never carry lone surrogates (see
``locations``).
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from .._version import __version__
from ..engine.results import STATUS_CREATED, FileResult, RunSummary
from ..model import FIX_MANUAL, KIND_MANUAL, Finding
from .base import Reporter
from .locations import file_uri, printable, relative_posix, uri_path

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "heygen2liveavatar"
INFORMATION_URI = "https://github.com/heygen2liveavatar/heygen2liveavatar"
RULES_DOC_URI = f"{INFORMATION_URI}/blob/main/docs/rules.md"
SOURCE_ROOT = "%SRCROOT%"
"""The base of relative artifact URIs: the directory the tool ran in (the checkout in CI)."""

LEVEL_WARNING = "warning"
LEVEL_NOTE = "note"

# Rule categories by the hundreds digit of the code (the contract's "Rules" section),
# exported as tags so code-scanning UIs can filter by them.
CATEGORIES = {
    "1": "session-lifecycle",
    "2": "in-session-control",
    "3": "resources",
    "4": "configuration",
    "5": "framework-integrations",
    "9": "needs-a-person",
}
_SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


def rule_anchor(code: str, name: str) -> str:
    """The anchor of a rule's section in ``docs/rules.md`` (GitHub's heading slug)."""
    return f"{code}-{name}".lower()


def finding_level(kind: str) -> str:
    """Manual work is a warning (a person must act); an applied fix is a note."""
    return LEVEL_WARNING if kind == KIND_MANUAL else LEVEL_NOTE


def _message(text: str, markdown: str | None = None) -> dict[str, str]:
    message = {"text": text}
    if markdown is not None:
        message["markdown"] = markdown
    return message


def rule_descriptors() -> list[dict[str, Any]]:
    """``reportingDescriptor`` objects for every registered rule, in code order."""
    from ..rules import ALL_RULES

    descriptors = []
    for rule in ALL_RULES:
        description = rule.description.strip()
        docs = rule.docs()
        tags = ["migration", "heygen", "liveavatar"]
        category = CATEGORIES.get(rule.code[3:4])
        if category is not None:
            tags.append(category)
        descriptors.append(
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": _message(rule.summary, rule.summary),
                "fullDescription": _message(description, description),
                "help": _message(docs, docs),
                "helpUri": f"{RULES_DOC_URI}#{rule_anchor(rule.code, rule.name)}",
                "defaultConfiguration": {
                    "level": LEVEL_WARNING if rule.fix == FIX_MANUAL else LEVEL_NOTE
                },
                "properties": {"fix": rule.fix, "tags": tags},
            }
        )
    return descriptors


def artifact_location(path: str) -> dict[str, str]:
    """Relative to ``%SRCROOT%`` when under the working directory, else an absolute URI."""
    relative = relative_posix(path)
    if relative is None:
        return {"uri": file_uri(path)}
    return {"uri": uri_path(relative), "uriBaseId": SOURCE_ROOT}


def _physical_location(path: str, line: int, column: int = 0) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": artifact_location(path)}
    # SARIF lines and columns are 1-based; 0 means "unknown" in our results, and a region
    # with a 0 would make the whole log invalid.
    if line >= 1:
        region: dict[str, int] = {"startLine": line}
        if column >= 1:
            region["startColumn"] = column
        location["region"] = region
    return location


def _result(
    path: str, finding: Finding, rule_index: dict[str, int], marker: bool = False
) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    properties: dict[str, Any] = {"kind": finding.kind}
    if marker:
        properties["marker"] = True
    result.update(
        {
            "level": finding_level(finding.kind),
            "message": _message(printable(finding.message)),
            "locations": [
                {"physicalLocation": _physical_location(path, finding.line, finding.column)}
            ],
            "properties": properties,
        }
    )
    return result


def _file_results(result: FileResult, rule_index: dict[str, int]) -> list[dict[str, Any]]:
    if result.status == STATUS_CREATED:
        return []
    entries = [(finding, False) for finding in result.findings]
    entries += [(finding, True) for finding in result.acknowledged]
    entries.sort(key=lambda entry: entry[0].sort_key())
    return [_result(result.path, finding, rule_index, marker) for finding, marker in entries]


def _notification(result: FileResult) -> dict[str, Any]:
    return {
        "level": "error",
        "message": _message(printable(result.error or "could not be processed")),
        "locations": [
            {
                "physicalLocation": _physical_location(
                    result.path, result.error_line, result.error_column
                )
            }
        ],
    }


def build_log(summary: RunSummary, results: list[FileResult], mode: str = "") -> dict[str, Any]:
    """The whole SARIF log for a run (``results`` as passed to ``Reporter.finish``)."""
    rules = rule_descriptors()
    rule_index = {descriptor["id"]: index for index, descriptor in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": TOOL_NAME,
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": rules,
    }
    if _SEMVER.match(__version__):
        driver["semanticVersion"] = __version__
    sarif_results = [entry for result in results for entry in _file_results(result, rule_index)]
    notifications = [_notification(result) for result in results if result.error is not None]
    invocation: dict[str, Any] = {
        "executionSuccessful": summary.errors == 0,
        "exitCode": summary.exit_code,
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        # Python's str offsets, which our columns are, count code points.
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SOURCE_ROOT: {"uri": file_uri(os.getcwd()).rstrip("/") + "/"}},
        "results": sarif_results,
        "properties": {"summary": summary.to_json(), **({"mode": mode} if mode else {})},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


class SarifReporter(Reporter):
    def finish(self, summary: RunSummary, results: list[FileResult]) -> None:
        json.dump(build_log(summary, results, self.context.mode), self.context.out, indent=2)
        self.context.out.write("\n")
