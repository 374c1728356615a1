"""``migrate``: wires discovery, the runner and a reporter together."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import IO, TYPE_CHECKING, Any

import click

from .._version import __version__
from ..engine.discovery import DiscoveryError, SourceFile, discover
from ..engine.results import STATUS_CHANGED, STATUS_ERROR, FileResult, RunSummary
from ..engine.runner import (
    MODE_DIFF,
    MODE_WRITE,
    ProjectScope,
    RunOptions,
    default_jobs,
    run,
)
from ..model import KIND_MANUAL, Finding, HelperImport
from ..reports import make_reporter
from ..reports.base import ReportContext
from ..reports.locations import display_path

if TYPE_CHECKING:
    from ..engine.runner import Companions
    from ..engine.runtime_requirements import Addition
    from ..engine.transform import MigrationResult
    from ..model import ProjectFacts


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
    style: str = "full"
    """Text reports: ``full`` or ``concise``."""
    statistics: bool = False
    exit_zero: bool = False
    cache: bool = True
    """Use the facts cache (``--no-cache``: read every file of the project afresh)."""


def use_color(requested: bool | None, stream: IO[str]) -> bool:
    """``--color``/``--no-color`` win; else no colour under ``NO_COLOR`` or off a terminal.

    https://no-color.org: a non-empty ``NO_COLOR`` means no ANSI styling at all (bold too).
    """
    import os

    if requested is not None:
        return requested
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def final_status(summary: RunSummary, exit_zero: bool) -> int:
    """The exit status; ``--exit-zero`` turns 1 into 0 but keeps 2 (an input failed)."""
    code = summary.exit_code
    return 0 if exit_zero and code == 1 else code


class ReportFailure:
    """Keeps a run going when its report fails, then says so: never a silent half-report.

    The files a run writes are written as their results stream in, so a reporter that
    raises (a bug, a closed pipe, an encoding the stream cannot take) must not stop the
    run half-way or hide what was written: the run finishes without the report, names the
    written files on standard error and exits 2.
    """

    def __init__(self) -> None:
        self.error: BaseException | None = None
        self.written: list[str] = []

    def call(self, function: Callable[..., None], *args: Any) -> None:
        if self.error is not None:
            return
        try:
            function(*args)
        except Exception as exc:  # any reporter failure: reported by `finish`
            self.error = exc

    def note(self, result: FileResult) -> None:
        if result.written:
            self.written.append(result.path)

    def finish(self, err: IO[str], status: int) -> int:
        if self.error is None:
            return status
        from ..reports.locations import printable

        message = f"error: the report could not be written ({type(self.error).__name__}: "
        message += f"{printable(str(self.error))})"
        if self.written:
            names = ", ".join(printable(path) for path in self.written)
            message += f"; this run wrote {len(self.written)} file(s): {names}"
        else:
            message += "; this run wrote no file"
        try:
            err.write(message + "\n")
            err.flush()
        except Exception:  # standard error itself is gone: the exit status remains
            pass
        return 2


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
    color = use_color(request.color, out)
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
        style=request.style,
        statistics=request.statistics,
    )
    reporter = make_reporter(request.output_format, context)
    guard = ReportFailure()
    options = RunOptions(
        mode=request.mode,
        rule_codes=codes,
        jobs=request.jobs or default_jobs(),
        want_diff=request.mode == MODE_DIFF,
    )
    summary = RunSummary()
    reportable: list[FileResult] = []
    given: dict[str, str] = {}  # real path -> display path of every file the run was given
    temp_files: list[str] = []
    items = _recorded(
        discover(
            request.paths,
            exclude=request.exclude,
            respect_gitignore=request.respect_gitignore,
            inventory=request.inventory,
            # Only a run that writes cleans up (``--check`` and ``--diff`` touch nothing).
            temp_files=temp_files if request.mode == MODE_WRITE else None,
        ),
        given,
    )
    handled_support: set[str] = set()
    packages = _PackageNeeds()
    scope = ProjectScope(
        exclude=tuple(request.exclude),
        respect_gitignore=request.respect_gitignore,
        inventory=request.inventory,
        cache=request.cache,
        given=tuple(request.paths),
    )
    results = (
        run(items, options, scope=scope)
        if progress is None
        else progress.run(items, options, scope)
    )
    streamed = _with_support_files(results, request.mode, handled_support)
    for result in chain(streamed, packages.declare(request.mode, given)):
        if result.skipped is not None:
            # Left alone on purpose (a symbolic-link loop, never followed): a note, not a
            # file of the run and not an error.
            if not request.quiet:
                err.write(f"skipped {result.path}: {result.skipped}\n")
            continue
        packages.note(result)
        # One spelling of every path in every format: relative, `/`, no `./`.
        result.path = display_path(result.path)
        summary.add(result)
        guard.note(result)
        if machine and result.diff:
            # Machine formats keep standard output for the document: diffs go to stderr.
            from ..reports.text import write_diff

            guard.call(write_diff, result.diff, err, False, result.diff_encoding)
        guard.call(reporter.file, result)
        if result.reportable:
            result.diff = ""  # printed already; do not hold every diff in memory
            reportable.append(result)
    if temp_files:
        _remove_stale_temp_files(temp_files, err, request.quiet)
    guard.call(reporter.finish, summary, reportable)
    return guard.finish(err, final_status(summary, request.exit_zero))


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
    """After each migrated file, the helper modules it needs (one per import root)."""
    from ..engine.runner import write_support_file

    for result in results:
        yield result
        for support in result.support_files:
            done = support.real in result.support_created
            # In write mode the worker that wrote a helper module reports it; the others
            # found it there already (from this run or an earlier one).
            if support.real in handled or (mode == MODE_WRITE and not done):
                continue
            handled.add(support.real)
            written = write_support_file(support, mode, done)
            if written is not None:
                yield written


def _recorded(
    items: Iterable[SourceFile | DiscoveryError], given: dict[str, str]
) -> Iterator[SourceFile | DiscoveryError]:
    for item in items:
        if isinstance(item, SourceFile):
            given[item.real] = item.display  # discovery resolved it
        yield item


class _PackageNeeds:
    """Distribution packages migrated files need (``livekit``), by dependency manifest.

    A file without a manifest above it gets a manual finding at once; the manifests are
    edited after every file has been migrated (rule H2L505 may have rewritten them meanwhile).
    """

    def __init__(self) -> None:
        self.by_manifest: dict[str, tuple[set[str], str]] = {}
        self.roots_without: set[str] = set()

    def note(self, result: FileResult) -> None:
        from ..engine.runtime_requirements import RUNTIME_RULE, find_manifest

        if not result.packages or not result.support_files:
            return
        root = os.path.dirname(result.support_files[0].real)
        manifest = find_manifest(root)
        if manifest is not None:
            needed, _rule = self.by_manifest.setdefault(manifest, (set(), RUNTIME_RULE))
            needed.update(result.packages)
            return
        if root in self.roots_without:
            return
        self.roots_without.add(root)
        from ..engine.runtime_requirements import LIVEKIT_REQUIREMENT

        wanted = ", ".join(
            f"`{p}>={LIVEKIT_REQUIREMENT[1]}`" if p == LIVEKIT_REQUIREMENT[0] else f"`{p}`"
            for p in result.packages
        )
        result.findings.append(
            Finding(
                RUNTIME_RULE,
                KIND_MANUAL,
                1,
                1,
                f"the migrated code needs {wanted} at run time and no dependency manifest "
                "(pyproject.toml, setup.cfg, requirements.txt) was found: install or declare it",
            )
        )

    def declare(self, mode: str, given: dict[str, str]) -> Iterator[FileResult]:
        from ..engine.runtime_requirements import LIVEKIT_REQUIREMENT, plan_addition

        for manifest, (needed, rule) in sorted(self.by_manifest.items()):
            for package in sorted(needed):
                minimum = LIVEKIT_REQUIREMENT[1] if package == LIVEKIT_REQUIREMENT[0] else "0"
                addition = plan_addition(manifest, package, minimum)
                if addition is None:
                    continue  # declared already
                display = given.get(os.path.realpath(manifest)) or os.path.relpath(manifest)
                yield _declared(addition, display, rule, mode, display in given.values())


def _declared(addition: Addition, display: str, rule: str, mode: str, given: bool) -> FileResult:
    """The result for a manifest that needs a new requirement: edited when the run was given
    it and can express it, else a manual finding naming it."""
    from ..engine.diff import unified_diff
    from ..engine.writer import atomic_write
    from ..model import KIND_FIX

    result = FileResult(display)
    if not given or addition.new_text is None:
        requirement = addition.message.split("`")[1]
        result.findings = [
            Finding(rule, KIND_MANUAL, 1, 1, f"add `{requirement}` to this file's dependencies")
        ]
        return result
    with open(addition.path, "rb") as handle:
        data = handle.read()
    old_text = data.decode("utf-8-sig")
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    result.status = STATUS_CHANGED
    result.findings = [Finding(rule, KIND_FIX, 1, 1, addition.message)]
    if mode == MODE_DIFF:
        result.diff = unified_diff(old_text, addition.new_text, display)
    elif mode == MODE_WRITE:
        try:
            atomic_write(addition.path, bom + addition.new_text.encode("utf-8"), expected=data)
            result.written = True
        except OSError as exc:
            result.status = STATUS_ERROR
            result.error = f"not written: {exc.strerror or exc}"
    return result


def _run_stdin(
    request: MigrateRequest, codes: tuple[str, ...] | None, out: IO[str], err: IO[str]
) -> int:
    """``-``: source on standard input; migrated source (or diff) on standard output."""
    from .._prefilter import may_contain_heygen
    from ..engine.diff import unified_diff
    from ..engine.markers import scan_markers
    from ..engine.source import decode_source
    from ..engine.transform import migrate_text
    from ..engine.walk import (
        calls_dispatch_helper,
        calls_id_opener,
        defines_token_model,
        imports_url_constant,
    )
    from ..model import MigrationError
    from ..rules import ALL_RULES, RULES_BY_CODE

    name = display_path(request.stdin_filename) if request.stdin_filename else "-"
    data = sys.stdin.buffer.read()
    result = FileResult(name)
    result.acknowledged = scan_markers(data, name if name != "-" else "stdin.py")
    text: str | None = None
    new_text: str | None = None
    secrets: frozenset[str] = frozenset()  # hard-coded keys: never shown in the diff
    try:
        decoded = decode_source(data, name)
        text = decoded.text
        project = None
        relevant = may_contain_heygen(data)
        if not relevant and _may_call_project_function(request.stdin_filename, data):
            # As in a whole-project run, a module naming no HeyGen word is migrated when it
            # passes a literal id to one of its project's session openers, calls one of its
            # dispatch helpers with a literal action, or defines the model a token request of
            # its project parses the response into.
            project = _stdin_context(request, data, codes)
            filename = request.stdin_filename or ""
            relevant = project is not None and (
                calls_id_opener(filename, data, project[0])
                or calls_dispatch_helper(filename, data, project[0])
                or defines_token_model(filename, data, project[0])
                or imports_url_constant(filename, data, project[0])
            )
        if relevant:
            rules = ALL_RULES if codes is None else tuple(RULES_BY_CODE[c] for c in codes)
            helper = _stdin_helper(request.stdin_filename)
            # Named (`--stdin-filename`), the source is that file of its project: the same
            # facts as a whole-project run, read from the other files without writing them.
            if project is None:
                project = _stdin_context(request, data, codes)
            facts = project[0] if project is not None else None
            migration = migrate_text(text, name, rules, helper=helper, project=facts)
            result.findings = migration.findings
            if migration.changed:
                result.findings += _helper_notices(
                    request.stdin_filename, migration.support_modules
                )
            result.acknowledged = migration.acknowledged
            secrets = migration.secrets
            if migration.changed:
                result.status = STATUS_CHANGED
                new_text = migration.code
                if (
                    project is not None
                    and request.stdin_filename
                    and _held(result, request.stdin_filename, migration, project)
                ):
                    new_text = None
    except MigrationError as exc:
        result.status = STATUS_ERROR
        result.error = exc.message if not exc.line else f"line {exc.line}: {exc.message}"
        result.error_line = exc.line
        result.error_column = exc.column
    if result.findings and text is not None:
        from ..engine.runner import source_lines

        result.source_lines = source_lines(data, {f.line for f in result.findings}, secrets)
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
        color=use_color(request.color, report_out) and request.output_format == "text",
        quiet=request.quiet,
        verbose=request.verbose,
        tool_version=__version__,
        rule_codes=codes,
        style=request.style,
        statistics=request.statistics,
    )
    reporter = make_reporter(request.output_format, context)
    if request.mode == MODE_DIFF and request.output_format == "text":
        from ..reports.text import write_diff

        write_diff(result.diff, out, context.color, result.diff_encoding)
        result.diff = ""
    elif request.mode == MODE_DIFF and result.diff:
        from ..reports.text import write_diff

        write_diff(result.diff, err, False, result.diff_encoding)
        result.diff = ""
    guard = ReportFailure()
    guard.call(reporter.file, result)
    guard.call(reporter.finish, summary, [result] if result.reportable else [])
    return guard.finish(err, final_status(summary, request.exit_zero))


StdinContext = tuple["ProjectFacts", "Companions", Sequence[tuple[int, str, tuple[str, ...]]]]


def _may_call_project_function(filename: str | None, data: bytes) -> bool:
    """Standard input named as a module that quotes what may be a HeyGen id (see
    :func:`.._prefilter.may_name_heygen_asset`), calls something with a literal streaming
    action (:func:`..engine.dispatch_facts.may_call_dispatch_helper`), has a class reading
    a session response's keys (:func:`.._prefilter.may_parse_session_response`) or imports an
    upper-case name (a constant that may hold a streaming URL): only its
    project's facts tell whether it passes one to a session opener or a dispatch helper, or
    defines a model a token request parses into."""
    from .._prefilter import may_name_heygen_asset, may_parse_session_response
    from ..engine.dispatch_facts import may_call_dispatch_helper
    from ..engine.walk import may_import_url_constant

    return (
        bool(filename)
        and str(filename).endswith(".py")
        and (
            may_name_heygen_asset(data)
            or may_call_dispatch_helper(data)
            or may_parse_session_response(data)
            # ``from .endpoints import SESSION_NEW``: a constant that may name a streaming URL
            or may_import_url_constant(data)
        )
    )


def _stdin_context(
    request: MigrateRequest, data: bytes, codes: tuple[str, ...] | None
) -> StdinContext | None:
    """For standard input named by ``--stdin-filename``: its project's facts, the project's
    files that may go with it, and its imports (``None`` without a name: it stands alone)."""
    if not request.stdin_filename:
        return None
    from ..engine.runner import Companions, facts_for_file

    scope = ProjectScope(
        exclude=tuple(request.exclude),
        respect_gitignore=request.respect_gitignore,
        inventory=request.inventory,
        cache=request.cache,
    )
    facts, outside, own = facts_for_file(request.stdin_filename, scope, data)
    options = RunOptions(mode="check", rule_codes=codes, jobs=1, project=facts)
    return facts, Companions(outside, options), own.imports if own is not None else []


def _held(
    result: FileResult, filename: str, migration: MigrationResult, context: StdinContext
) -> bool:
    """Standard input is one file of its project: like a partial run, it gives no half
    migration (the source comes back unchanged, a manual finding names the other files)."""
    from ..apispec.events import BRIDGE_MODULE
    from ..engine.placement import place_helper
    from ..engine.results import SupportFile
    from ..engine.runner import hold

    _facts, companions, imports = context
    probe = FileResult(result.path, STATUS_CHANGED, packages=sorted(migration.packages))
    if migration.support_modules:
        placement = place_helper(filename, BRIDGE_MODULE)
        probe.support_files = [
            SupportFile(placement.path, placement.path, "", BRIDGE_MODULE, placement.state)
        ]
    needed = companions.needed(os.path.realpath(filename), imports, probe)
    if not needed:
        return False
    result.findings = migration.findings
    hold(result, companions.closure(needed))
    return True


def _stdin_helper(filename: str | None) -> HelperImport | None:
    """With ``--stdin-filename``, the import a whole-project run gives that file; else plain."""
    if not filename:
        return None
    from ..apispec.events import BRIDGE_MODULE
    from ..engine.placement import place_helper

    return place_helper(filename, BRIDGE_MODULE).importer


def _helper_notices(filename: str | None, modules: dict[str, str]) -> list[Finding]:
    """Standard input writes no other file: say which helper module to create, and where."""
    from ..engine.placement import STATE_PRESENT, place_helper
    from ..engine.transform import support_module_path

    notices = []
    for name, rule_code in modules.items():
        template = support_module_path(name)
        if filename:
            placement = place_helper(filename, name)
            if placement.state == STATE_PRESENT:
                continue
            where = f"`{placement.path}`"
            verb = "create" if placement.state == "create" else "update"
        else:
            where = f"`{name}.py` beside this file (or anywhere on its import path)"
            verb = "create"
        notices.append(
            Finding(
                rule_code,
                KIND_MANUAL,
                1,
                1,
                f"the migrated code imports the helper module `{name}`: {verb} {where} "
                f"from `{template}` (`heygen2liveavatar migrate` on the file writes it)",
            )
        )
    return notices
