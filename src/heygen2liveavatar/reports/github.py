"""``--format github``: GitHub Actions workflow commands, one per finding.

``::warning`` for manual work (new, or a marker an earlier run left), ``::error`` for a file
that could not be processed; GitHub turns each into an annotation on the pull request's
diff. An applied fix becomes a ``::notice`` only with ``--verbose``: dozens of notices would
bury the warnings that need a person. A file the run creates (the helper module) gets no
annotation, because its path is not in the commit being reviewed. Commands are written as
results arrive, so a long run shows its annotations as it goes.

Escaping follows GitHub's own toolkit (``@actions/core``, ``command.ts``): in the message
``%``, ``\\r`` and ``\\n`` are percent-encoded; in property values ``:`` and ``,`` are too,
because they delimit the properties.
"""

from __future__ import annotations

import os

from ..engine.results import STATUS_CREATED, FileResult
from ..model import KIND_MANUAL, Finding
from .base import Reporter
from .locations import printable


def escape_data(value: str) -> str:
    """The message of a workflow command (after ``::``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A ``key=value`` property of a workflow command."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, properties: dict[str, str | int], message: str) -> str:
    """One ``::command key=value,...::message`` line (without the newline)."""
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    separator = " " if rendered else ""
    return f"::{command}{separator}{rendered}::{escape_data(message)}"


def annotation_path(path: str) -> str:
    """The path as given, spelled the way GitHub documents it: ``/`` separators, no ``./``.

    Annotations are matched to the repository's files by path; ``./app.py`` names the same
    file as ``app.py`` but is not guaranteed to land on the diff.
    """
    if os.sep != "/":  # a backslash is an ordinary character in POSIX names
        path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return printable(path)


def file_commands(result: FileResult, verbose: bool = False) -> list[str]:
    """The workflow commands for one file result (none for an untouched file)."""
    lines: list[str] = []
    if result.status == STATUS_CREATED:
        return lines
    path = annotation_path(result.path)
    if result.error is not None:
        properties: dict[str, str | int] = {"file": path}
        if result.error_line:
            properties["line"] = result.error_line
            if result.error_column:
                properties["col"] = result.error_column
        lines.append(workflow_command("error", properties, printable(result.error)))
    findings: list[Finding] = sorted(
        [f for f in result.findings if verbose or f.kind == KIND_MANUAL] + result.acknowledged
    )
    for finding in findings:
        command = "warning" if finding.kind == KIND_MANUAL else "notice"
        properties = {"file": path}
        # Line 0 means "unknown" in our results; GitHub would pin the annotation nowhere.
        if finding.line >= 1:
            properties["line"] = finding.line
            if finding.column >= 1:
                properties["col"] = finding.column
        properties["title"] = finding.rule
        lines.append(workflow_command(command, properties, printable(finding.message)))
    return lines


class GithubReporter(Reporter):
    def file(self, result: FileResult) -> None:
        lines = file_commands(result, self.context.verbose)
        if lines:
            self.context.out.write("".join(f"{line}\n" for line in lines))
            self.context.out.flush()
