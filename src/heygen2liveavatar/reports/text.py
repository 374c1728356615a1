"""``--format text``: lines for people, in two styles.

``full`` (the default) shows each finding the way ruff does: ``path:line:col: code [kind]``
and the message wrapped to the terminal width, then the source line it points at with a
caret under the column. ``concise`` prints one line per finding, for grep and editors.

Colour comes from rich, and only when ``ReportContext.color`` says so (``--color``,
``--no-color``, ``NO_COLOR``, a terminal): without it the report is plain text, no bold and
no escape sequence of any kind. rich is imported only for a coloured report.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import IO, Any

from ..engine.results import STATUS_CHANGED, STATUS_CREATED, STATUS_ERROR, FileResult, RunSummary
from ..model import KIND_MANUAL, Finding
from .base import ReportContext, Reporter
from .locations import printable
from .rule_names import rule_name
from .summary_line import summary_line

STYLE_FULL = "full"
STYLE_CONCISE = "concise"
MIN_WIDTH = 40
"""Narrower terminals still get messages of a readable width."""

Segment = tuple[str, str]
"""(text, rich style); the style is dropped in a plain report."""


def _counts(result: FileResult) -> str:
    parts = []
    fixes = len(result.fixes)
    manual = len(result.manual)
    marked = len(result.acknowledged)
    if fixes:
        parts.append(f"{fixes} fix{'es' if fixes != 1 else ''}")
    if manual:
        parts.append(f"{manual} manual")
    if marked:
        parts.append(f"{marked} open marker{'s' if marked != 1 else ''}")
    return f" ({', '.join(parts)})" if parts else ""


def _console(stream: IO[str]) -> Any:
    from rich.console import Console

    # soft_wrap: the report wraps its own lines; rich must not re-wrap or crop them.
    return Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)


def emit(stream: IO[str], segments: list[Segment], color: bool) -> None:
    """One line made of styled segments, styled only when ``color``."""
    if not color:
        stream.write("".join(text for text, _style in segments) + "\n")
        return
    from rich.text import Text

    _console(stream).print(Text.assemble(*segments))


def write_diff(diff: str, stream: IO[str], color: bool, encoding: str | None = None) -> None:
    """Write a file's diff; ``encoding``: the file's own when it is not UTF-8, in which the
    diff's bytes are written (``git apply`` compares them with the file's), unless coloured
    for a terminal."""
    if not diff:
        return
    if not color:
        buffer = getattr(stream, "buffer", None) if encoding else None
        if buffer is None:
            stream.write(diff)
            return
        stream.flush()
        buffer.write(diff.encode(encoding or "utf-8", "surrogateescape"))
        buffer.flush()
        return
    from rich.text import Text

    console = _console(stream)
    for line in diff.splitlines():
        if line.startswith(("+++", "---")):
            style = "bold"
        elif line.startswith("@@"):
            style = "cyan"
        elif line.startswith("+"):
            style = "green"
        elif line.startswith("-"):
            style = "red"
        else:
            style = ""
        console.print(Text(line, style=style))


def rule_table(per_rule: dict[str, dict[str, int]], markers: dict[str, int] | None = None) -> str:
    """The end-of-run table: one row per rule that reported something, with its counts.

    ``markers``: open ``TODO(heygen2liveavatar)`` markers per rule; a column of its own
    appears when there are any.
    """
    markers = markers or {}
    header = ("rule", "name", "fixes", "manual") + (("open markers",) if markers else ())
    rows: list[tuple[str, ...]] = [header]
    for code in sorted(set(per_rule) | set(markers)):
        counts = per_rule.get(code, {})
        name = rule_name(code)
        row: tuple[str, ...] = (
            code,
            name,
            str(counts.get("fix", 0)),
            str(counts.get("manual", 0)),
        )
        if markers:
            row += (str(markers.get(code, 0)),)
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        cells = [f"{row[0]:<{widths[0]}}", f"{row[1]:<{widths[1]}}"]
        cells += [f"{cell:>{width}}" for cell, width in zip(row[2:], widths[2:])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def marker_counts(results: list[FileResult]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        for marker in result.acknowledged:
            counts[marker.rule] = counts.get(marker.rule, 0) + 1
    return counts


def terminal_width() -> int:
    """``COLUMNS`` or the terminal's width (80 when neither is known)."""
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


class TextReporter(Reporter):
    machine_readable = False

    def __init__(self, context: ReportContext) -> None:
        super().__init__(context)
        # In --diff mode standard output carries only the diff (so `git apply` takes it).
        self.lines = context.err if context.mode == "diff" else context.out
        self.width = terminal_width()
        self.markers: dict[str, int] = {}

    # Per file -----------------------------------------------------------------------
    def file(self, result: FileResult) -> None:
        ctx = self.context
        for marker in result.acknowledged:
            self.markers[marker.rule] = self.markers.get(marker.rule, 0) + 1
        if result.status == STATUS_ERROR:
            self._error(result)
            return
        if ctx.mode == "diff":
            write_diff(result.diff, ctx.out, ctx.color, result.diff_encoding)
        if ctx.quiet or ctx.statistics:
            return
        path = printable(result.path)
        if ctx.mode == "check":
            if result.status == STATUS_CREATED:
                self._line([(path, "bold"), (": would be created", "")])
            elif result.status == STATUS_CHANGED:
                self._line([(path, "bold"), (f": would change{_counts(result)}", "")])
            elif result.needs:
                # A partial run held it back: name the files to add, as the hook's run does.
                names = ", ".join(printable(name) for name in result.needs)
                self._line([(path, "bold"), (f": would change together with {names}", "")])
            elif result.findings or result.acknowledged:
                self._line([(path, "bold"), (f": needs manual work{_counts(result)}", "")])
            if ctx.verbose and result.status != STATUS_CREATED:
                self._findings(result, manual_only=False)
                self._markers(result)
            return
        if result.status == STATUS_CREATED:
            verb = "created" if ctx.mode == "write" else "would create"
            self._line([(f"{verb} ", ""), (path, "bold")])
            return
        if result.status == STATUS_CHANGED:
            verb = "fixed" if ctx.mode == "write" else "would fix"
            self._line([(f"{verb} ", ""), (path, "bold"), (_counts(result), "")])
        elif result.acknowledged and not result.findings:
            self._line([(path, "bold"), (f": {_counts(result).strip()[1:-1]}", "")])
        self._findings(result, manual_only=not ctx.verbose)
        if ctx.verbose:
            self._markers(result)

    def _markers(self, result: FileResult) -> None:
        """Markers already in the file, one line each: the marker line is the snippet."""
        path = printable(result.path)
        for marker in result.acknowledged:
            self._line(
                [
                    (f"{path}:{marker.line}:{marker.column}: ", "bold"),
                    (marker.rule, "bold red"),
                    (" ", ""),
                    ("[todo]", "yellow"),
                    (f" {printable(marker.message)}", ""),
                ]
            )

    def _error(self, result: FileResult) -> None:
        # `path:line:col: error: message`, the position editors and terminals link to.
        where = printable(result.path)
        message = result.error or "could not be processed"
        if result.error_line:
            where += f":{result.error_line}"
            if result.error_column:
                where += f":{result.error_column}"
            prefix = f"line {result.error_line}: "
            if message.startswith(prefix):
                message = message[len(prefix) :]
        emit(
            self.context.err,
            [(f"{where}: ", "bold"), ("error: ", "bold red"), (printable(message), "")],
            self.context.color,
        )

    def _line(self, segments: list[Segment]) -> None:
        emit(self.lines, segments, self.context.color)

    def _findings(self, result: FileResult, manual_only: bool) -> None:
        for finding in result.findings:
            if manual_only and finding.kind != KIND_MANUAL:
                continue
            self._finding(result, finding, finding.kind)

    def _finding(self, result: FileResult, finding: Finding, label: str) -> None:
        path = printable(result.path)
        kind_style = "yellow" if finding.kind == KIND_MANUAL else "green"
        head: list[Segment] = [
            (f"{path}:{finding.line}:{finding.column}: ", "bold"),
            (finding.rule, "bold red" if finding.kind == KIND_MANUAL else "bold cyan"),
            (" ", ""),
            (f"[{label}]", kind_style),
        ]
        message = printable(finding.message)
        if self.context.style == STYLE_CONCISE:
            self._line([*head, (f" {message}", "")])
            return
        self._line(head)
        for chunk in textwrap.wrap(
            message, width=self.width - 2, break_long_words=False, break_on_hyphens=False
        ) or [""]:
            self._line([(f"  {chunk}", "")])
        source = result.source_lines.get(finding.line)
        if source is None:
            return
        number = str(finding.line)
        gutter = " " * len(number)
        text = printable(source.rstrip("\r\n")).expandtabs(4)
        # Columns count characters of the original line; tabs were expanded above.
        column = len(printable(source[: max(finding.column - 1, 0)]).expandtabs(4))
        room = self.width - len(number) - 5  # "N | " and an ellipsis on either side
        if len(text) > room + 2:
            # A long line: a window of the terminal's width around the column.
            start = 0 if column < room - 8 else min(column - room // 2, len(text) - room)
            window = text[start : start + room]
            text = ("…" if start else "") + window + ("…" if start + room < len(text) else "")
            column = column - start + (1 if start else 0)
        self._line([(f"{gutter} |", "blue")])
        self._line([(f"{number} | ", "blue"), (text, "")])
        self._line([(f"{gutter} | ", "blue"), (" " * column + "^", kind_style)])

    # The end ---------------------------------------------------------------------
    def finish(self, summary: RunSummary, results: list[FileResult]) -> None:
        ctx = self.context
        if ctx.statistics:
            if summary.per_rule or self.markers:
                self.lines.write(rule_table(summary.per_rule, self.markers))
            return
        if summary.per_rule and not ctx.quiet:
            self.lines.write(rule_table(summary.per_rule, self.markers))
        # Also with --quiet: the one line that says what the exit status means.
        line = summary_line(
            ctx.mode,
            summary.files_changed,
            summary.fixes,
            summary.manual,
            summary.errors,
            summary.files_scanned,
            summary.acknowledged,
            summary.files_created,
        )
        self.lines.write(line + "\n")
