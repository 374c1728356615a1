"""``--format text``: lines for people, a coloured diff on a terminal."""

from __future__ import annotations

from typing import IO

from ..engine.results import STATUS_CHANGED, STATUS_CREATED, STATUS_ERROR, FileResult, RunSummary
from .base import ReportContext, Reporter
from .summary_line import summary_line


def _counts(result: FileResult) -> str:
    parts = []
    fixes = len(result.fixes)
    manual = len(result.manual)
    if fixes:
        parts.append(f"{fixes} fix{'es' if fixes != 1 else ''}")
    if manual:
        parts.append(f"{manual} manual")
    return f" ({', '.join(parts)})" if parts else ""


def write_diff(diff: str, stream: IO[str], color: bool) -> None:
    if not diff:
        return
    if not color:
        stream.write(diff)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)
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


def rule_table(per_rule: dict[str, dict[str, int]]) -> str:
    """The end-of-run table: one row per rule that reported something, with its counts."""
    from ..rules import RULES_BY_CODE

    rows = [("rule", "name", "fixes", "manual")]
    for code in sorted(per_rule):
        counts = per_rule[code]
        rule = RULES_BY_CODE.get(code)
        name = rule.name if rule else ""
        rows.append((code, name, str(counts.get("fix", 0)), str(counts.get("manual", 0))))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        f"{code:<{widths[0]}}  {name:<{widths[1]}}  {fixes:>{widths[2]}}  {manual:>{widths[3]}}"
        for code, name, fixes, manual in rows
    ]
    return "\n".join(lines) + "\n"


class TextReporter(Reporter):
    machine_readable = False

    def __init__(self, context: ReportContext) -> None:
        super().__init__(context)
        # In --diff mode standard output carries only the diff (so `git apply` takes it).
        self.lines = context.err if context.mode == "diff" else context.out

    def file(self, result: FileResult) -> None:
        ctx = self.context
        if result.status == STATUS_ERROR:
            ctx.err.write(f"error: {result.path}: {result.error}\n")
            return
        if ctx.mode == "diff":
            write_diff(result.diff, ctx.out, ctx.color)
        if ctx.quiet:
            return
        if ctx.mode == "check":
            if result.changes:
                self.lines.write(f"{result.path}: would change{_counts(result)}\n")
            elif result.findings:
                self.lines.write(f"{result.path}: needs manual work{_counts(result)}\n")
            if ctx.verbose:
                self._findings(result, manual_only=False)
            return
        if result.status == STATUS_CREATED:
            verb = "created" if ctx.mode == "write" else "would create"
            self.lines.write(f"{verb} {result.path}{_counts(result)}\n")
        elif result.status == STATUS_CHANGED:
            verb = "fixed" if ctx.mode == "write" else "would fix"
            self.lines.write(f"{verb} {result.path}{_counts(result)}\n")
        self._findings(result, manual_only=not ctx.verbose)

    def _findings(self, result: FileResult, manual_only: bool) -> None:
        for finding in result.findings:
            if manual_only and finding.kind != "manual":
                continue
            self.lines.write(
                f"  {result.path}:{finding.line}:{finding.column}: {finding.rule} [{finding.kind}] {finding.message}\n"
            )

    def finish(self, summary: RunSummary, results: list[FileResult]) -> None:
        if self.context.quiet:
            return
        if summary.per_rule:
            self.lines.write(rule_table(summary.per_rule))
        line = summary_line(
            self.context.mode,
            summary.files_changed,
            summary.fixes,
            summary.manual,
            summary.errors,
            summary.files_scanned,
            summary.acknowledged,
        )
        self.lines.write(line + "\n")
