"""``migrate``: wires discovery, the runner and a reporter together."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

import click

from .._version import __version__
from ..engine.discovery import discover
from ..engine.results import STATUS_CHANGED, STATUS_ERROR, FileResult, RunSummary
from ..engine.runner import MODE_DIFF, MODE_WRITE, RunOptions, default_jobs, run
from ..reports import make_reporter
from ..reports.base import ReportContext


@dataclass
class MigrateRequest:
    paths: Sequence[str]
    mode: str = MODE_WRITE
    output_format: str = "text"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    jobs: int | None = None
    color: bool | None = None
    quiet: bool = False
    verbose: bool = False
    stdin_filename: str | None = None
    respect_gitignore: bool = True
    inventory: bool = True


def _rule_codes(request: MigrateRequest) -> tuple[str, ...] | None:
    if not request.select and not request.ignore:
        return None
    from ..rules import UnknownRuleError, select_rules

    try:
        return tuple(rule.code for rule in select_rules(request.select, request.ignore))
    except UnknownRuleError as exc:
        raise click.UsageError(str(exc)) from None


def run_migrate(
    request: MigrateRequest, out: IO[str] | None = None, err: IO[str] | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    codes = _rule_codes(request)
    if list(request.paths) == ["-"]:
        return _run_stdin(request, codes, out, err)
    from .progress import ProgressBar  # rich itself loads only if the bar is shown

    progress = ProgressBar.maybe(out, err, request.quiet)
    if progress is not None:
        out, err = progress.wrap(out), progress.wrap(err)
    color = request.color if request.color is not None else out.isatty()
    machine = request.output_format != "text"
    context = ReportContext(
        mode=request.mode,
        out=out,
        err=err,
        color=color and not machine,
        quiet=request.quiet,
        verbose=request.verbose,
        tool_version=__version__,
        rule_codes=codes,
    )
    reporter = make_reporter(request.output_format, context)
    options = RunOptions(
        mode=request.mode,
        rule_codes=codes,
        jobs=request.jobs or default_jobs(),
        want_diff=request.mode == MODE_DIFF,
    )
    summary = RunSummary()
    reportable: list[FileResult] = []
    temp_files: list[str] = []
    items = discover(
        request.paths,
        exclude=request.exclude,
        respect_gitignore=request.respect_gitignore,
        inventory=request.inventory,
        # Only a run that writes cleans up (``--check`` and ``--diff`` touch nothing).
        temp_files=temp_files if request.mode == MODE_WRITE else None,
    )
    handled_support: set[str] = set()
    results = run(items, options) if progress is None else progress.run(items, options)
    for result in _with_support_files(results, request.mode, handled_support):
        if result.skipped is not None:
            # Left alone on purpose (a symbolic-link loop, never followed): a note, not a
            # file of the run and not an error.
            if not request.quiet:
                err.write(f"skipped {result.path}: {result.skipped}\n")
            continue
        summary.add(result)
        if machine and result.diff:
            # Machine formats keep standard output for the document: diffs go to stderr.
            from ..reports.text import write_diff

            write_diff(result.diff, err, False)
        reporter.file(result)
        if result.reportable:
            result.diff = ""  # printed already; do not hold every diff in memory
            reportable.append(result)
    if temp_files:
        _remove_stale_temp_files(temp_files, err, request.quiet)
    reporter.finish(summary, reportable)
    return summary.exit_code


def _remove_stale_temp_files(paths: list[str], err: IO[str], quiet: bool) -> None:
    """Temporary files a killed run left in the walked directories: removed, and said so
    (those of a run still in progress are kept)."""
    from ..engine.writer import remove_stale_temp_files

    removed = remove_stale_temp_files(paths)
    if removed and not quiet:
        err.write(
            f"removed {len(removed)} temporary file{'s' if len(removed) > 1 else ''} "
            f"left by a killed run: {', '.join(removed)}\n"
        )


def _with_support_files(
    results: Iterator[FileResult], mode: str, handled: set[str]
) -> Iterator[FileResult]:
    """After each migrated file, the helper modules it needs (created once per directory)."""
    from ..engine.runner import write_support_file

    for result in results:
        yield result
        for display, real, rule_code in result.support_files:
            created = real in result.support_created
            # In write mode the worker that created a helper module reports it; the others
            # found it there already (from this run or an earlier one).
            if real in handled or (mode == MODE_WRITE and not created):
                continue
            handled.add(real)
            support = write_support_file(display, real, rule_code, mode, created)
            if support is not None:
                yield support


def _run_stdin(
    request: MigrateRequest, codes: tuple[str, ...] | None, out: IO[str], err: IO[str]
) -> int:
    """``-``: source on standard input; migrated source (or diff) on standard output."""
    from .._prefilter import may_contain_heygen
    from ..engine.diff import unified_diff
    from ..engine.source import decode_source
    from ..engine.transform import migrate_text
    from ..model import MigrationError
    from ..rules import ALL_RULES, RULES_BY_CODE

    name = request.stdin_filename or "-"
    data = sys.stdin.buffer.read()
    result = FileResult(name)
    text: str | None = None
    new_text: str | None = None
    secrets: frozenset[str] = frozenset()  # hard-coded keys: never shown in the diff
    try:
        decoded = decode_source(data, name)
        text = decoded.text
        if may_contain_heygen(data):
            rules = ALL_RULES if codes is None else tuple(RULES_BY_CODE[c] for c in codes)
            migration = migrate_text(text, name, rules)
            result.findings = migration.findings
            result.acknowledged = migration.acknowledged
            secrets = migration.secrets
            if migration.changed:
                result.status = STATUS_CHANGED
                new_text = migration.code
    except MigrationError as exc:
        result.status = STATUS_ERROR
        result.error = exc.message if not exc.line else f"line {exc.line}: {exc.message}"
        result.error_line = exc.line
    if request.mode == MODE_WRITE:
        # Always echo the source, migrated or not, so the command works as a filter.
        if result.status == STATUS_ERROR or text is None:
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(new_text if new_text is not None else text)
        sys.stdout.flush()
        report_out = err
    elif request.mode == MODE_DIFF:
        if new_text is not None and text is not None:
            result.diff = unified_diff(text, new_text, name, secrets=secrets)
        report_out = err if request.output_format == "text" else out
    else:
        report_out = out
    summary = RunSummary()
    summary.add(result)
    context = ReportContext(
        mode=request.mode,
        out=report_out,
        err=err,
        color=bool(request.color) and request.output_format == "text",
        quiet=request.quiet,
        verbose=request.verbose,
        tool_version=__version__,
        rule_codes=codes,
    )
    reporter = make_reporter(request.output_format, context)
    if request.mode == MODE_DIFF and request.output_format == "text":
        from ..reports.text import write_diff

        write_diff(result.diff, out, context.color)
        result.diff = ""
    elif request.mode == MODE_DIFF and result.diff:
        err.write(result.diff)
        result.diff = ""
    reporter.file(result)
    reporter.finish(summary, [result] if result.reportable else [])
    return summary.exit_code
