"""``todo``: the open to-do list, every ``TODO(heygen2liveavatar)`` marker under the paths.

Reads files and searches bytes; nothing is parsed or migrated, so it is quick on any tree.
The text format prints one ``PATH:LINE:COL: H2Lnnn message`` line per marker on standard
output (the closing count goes to standard error, so the list stays a clean list); the
other formats are the ``migrate`` reports, with each marker under ``acknowledged``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO

from .._version import __version__
from ..engine.discovery import DiscoveryError, discover
from ..engine.markers import scan_markers
from ..engine.results import STATUS_ERROR, FileResult, RunSummary
from ..engine.runner import MODE_CHECK, is_generated_helper, is_own_report, read_source
from ..reports import make_reporter
from ..reports.base import ReportContext
from ..reports.locations import display_path, printable
from ..reports.text import emit
from .run import ReportFailure, use_color


@dataclass
class TodoRequest:
    paths: Sequence[str]
    output_format: str = "text"
    exclude: list[str] = field(default_factory=list)
    color: bool | None = None
    quiet: bool = False
    respect_gitignore: bool = True


def collect(request: TodoRequest) -> list[FileResult]:
    """One result per file found (markers under ``acknowledged``), in discovery order."""
    results: list[FileResult] = []
    for item in discover(
        request.paths,
        exclude=request.exclude,
        respect_gitignore=request.respect_gitignore,
        inventory=True,  # dependency manifests carry markers too
    ):
        if isinstance(item, DiscoveryError):
            results.append(FileResult(display_path(item.display), STATUS_ERROR, error=item.message))
            continue
        result = FileResult(display_path(item.display))
        try:
            data = read_source(item.real)
        except OSError as exc:
            result.status = STATUS_ERROR
            result.error = f"cannot read: {exc.strerror or exc}"
        else:
            if not is_generated_helper(data) and not is_own_report(data):
                result.acknowledged = scan_markers(data, item.real)
        results.append(result)
    return results


def _text(results: list[FileResult], out: IO[str], err: IO[str], color: bool) -> None:
    for result in results:
        path = printable(result.path)
        if result.error is not None:
            emit(err, [(f"{path}: ", "bold"), ("error: ", "bold red"), (result.error, "")], color)
            continue
        for marker in result.acknowledged:
            emit(
                out,
                [
                    (f"{path}:{marker.line}:{marker.column}: ", "bold"),
                    (marker.rule, "bold red"),
                    (f" {printable(marker.message)}", ""),
                ],
                color,
            )


def run_todo(request: TodoRequest, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    results = collect(request)
    summary = RunSummary()
    for result in results:
        summary.add(result)
    reportable = [result for result in results if result.reportable]
    guard = ReportFailure()
    if request.output_format == "text":
        color = use_color(request.color, out)
        guard.call(_text, reportable, out, err, color)
        if not request.quiet:
            files = sum(1 for result in reportable if result.acknowledged)
            count = summary.acknowledged
            err.write(
                f"{count} open marker{'s' if count != 1 else ''} in "
                f"{files} file{'s' if files != 1 else ''} "
                f"({summary.files_scanned} file{'s' if summary.files_scanned != 1 else ''} "
                "scanned)\n"
            )
    else:
        context = ReportContext(
            mode=MODE_CHECK, out=out, err=err, quiet=request.quiet, tool_version=__version__
        )
        reporter = make_reporter(request.output_format, context)
        for result in reportable:  # the GitHub reporter writes as files arrive
            guard.call(reporter.file, result)
        guard.call(reporter.finish, summary, reportable)
    return guard.finish(err, summary.exit_code)


__all__ = ["TodoRequest", "collect", "run_todo"]
