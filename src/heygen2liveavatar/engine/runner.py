"""Runs the migration over many files: pre-filter in the parent, real work in workers.

Data flows one way: path -> bytes -> pre-filter -> (worker) decode, parse, rules, verify
-> write or diff -> :class:`FileResult`, streamed back in input order.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import pickle
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable

from ..model import HelperImport, MigrationError, ProjectFacts
from .walk import (
    admitted_by_project,
    calls_dispatch_helper,
    calls_id_opener,
    declares_dependencies,
    defines_token_model,
    imports_url_constant,
    is_data_file,
    may_send_imported_constant,
    names_used_framework,
    project_root,
)

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

    from ..rules.base import RuleClass
    from .facts_cache import FactsCache
    from .nesting import Nesting
    from .project_facts import FactsCollector, FileFacts
    from .stat_cache import Entry as StatEntry
    from .stat_cache import StatCache
    from .walk import DirectoryListings
from .._prefilter import may_contain_heygen, may_name_heygen_asset, may_parse_session_response
from .diff import unified_diff
from .discovery import DiscoveryError, SourceFile
from .filekinds import (
    KIND_CONFIG,
    KIND_DEPENDENCIES,
    KIND_INVENTORY,
    KIND_NOTEBOOK,
    KIND_PYTHON,
    FileMigration,
    kind_of,
)
from .markers import scan_markers
from .results import (
    STATUS_CHANGED,
    STATUS_CREATED,
    STATUS_ERROR,
    STATUS_UNCHANGED,
    FileResult,
    SupportFile,
)
from .transform import MigrationResult

MODE_WRITE = "write"
MODE_DIFF = "diff"
MODE_CHECK = "check"

# Below this many candidate files a process pool costs more than it saves.
MIN_FILES_FOR_POOL = 4
# Files per task sent to a worker: enough to amortise inter-process overhead, few enough
# that both cores stay busy to the end.
MAX_CHUNK = 16
# Source bytes per task: a batch of ordinary modules takes about a tenth of a second, so the
# worker that finishes last is not left with much more than that to do alone.
BATCH_BYTES = 32 * 1024


@dataclass(frozen=True)
class RunOptions:
    mode: str = MODE_WRITE
    rule_codes: tuple[str, ...] | None = None
    """``None`` means every rule."""
    jobs: int = 1
    want_diff: bool = False
    """Compute a diff for each changed file (``--diff``, or a report that shows hunks)."""
    project: ProjectFacts | None = None
    """Facts about the whole run, gathered by the pre-filter pass."""
    hold_writes: bool = False
    """Write mode, but keep each migrated file's new content in ``FileResult.pending`` for the
    parent to write (a partial run first decides which files may be written)."""


@dataclass(frozen=True)
class ProjectScope:
    """How a run reads the rest of the project its files belong to: the options a
    whole-project run would walk it with, and whether the facts cache is used."""

    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    inventory: bool = True
    cache: bool = True
    given: tuple[str, ...] = ()
    """The run's paths: a project root at or under one of them is walked by the run itself."""


@dataclass(frozen=True)
class OutsideFile:
    """A file of the project that the run was not given (read for facts, never written);
    ``source.real`` is its real path (the project walk follows no symbolic links)."""

    source: SourceFile
    kind: str
    imports: tuple[tuple[int, str, tuple[str, ...]], ...] = ()


def _rules_for(codes: tuple[str, ...] | None) -> tuple[RuleClass, ...]:
    if _RULES_PACKAGE not in sys.modules:
        _import_rules()
    from ..rules import ALL_RULES, RULES_BY_CODE

    if codes is None:
        return ALL_RULES
    return tuple(RULES_BY_CODE[code] for code in codes)


def _import_rules() -> None:
    """Import LibCST and the rules, then move what the import made out of the cyclic
    collector's view. Some fifty thousand objects (modules, classes, functions) that live as
    long as the process: imported while a file is migrated (when the collector is paused),
    they would otherwise be traversed by the next collection and by every collection of an
    older generation after it."""
    import importlib

    importlib.import_module(_RULES_PACKAGE)
    gc.freeze()


_RULES_PACKAGE = __name__.rsplit(".", 2)[0] + ".rules"


def read_source(path: str) -> bytes:
    """The file's bytes; a path that became a FIFO or device since discovery is refused
    instead of blocking the run (``O_NONBLOCK`` opens a FIFO without a writer at once)."""
    return read_source_and_stat(path)[0]


def read_source_and_stat(path: str) -> tuple[bytes, os.stat_result]:
    """:func:`read_source`, with the file's stat taken as it was read (for the stat cache)."""
    import errno
    import stat

    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return handle.read(), status


PendingWrite = tuple[FileResult, SourceFile, bytes, bytes]
"""A migrated file not written yet: (its result, the file, new content, content read)."""


def is_generated_helper(data: bytes) -> bool:
    """A helper module the tool wrote (its version marker, see ``placement``): never migrated,
    as it describes the HeyGen calls it replaces in LiveAvatar code."""
    from .placement import helper_version

    return helper_version(data) is not None


def source_lines(data: bytes, wanted: set[int], secrets: Iterable[str] = ()) -> dict[int, str]:
    """The text of lines ``wanted`` (1-based) of ``data``, decoded leniently, for snippets.

    ``secrets`` (hard-coded API keys the rules found) are shown as ``***``, as in diffs.
    """
    from .diff import redact

    lines: dict[int, str] = {}
    last = max(wanted, default=0)
    secrets = tuple(secrets)
    for number, line in enumerate(data.splitlines()[:last], start=1):
        if number in wanted:
            text = line.decode("utf-8", "replace").lstrip("\ufeff")
            lines[number] = redact(text, secrets) if secrets else text
    return lines


def is_own_report(data: bytes) -> bool:
    """A report this tool wrote (``--format markdown|json|sarif|github`` saved in the tree).

    Reports quote HeyGen URLs and rule messages; scanned again they would be reported as
    work to do. Recognised by content, since the user names the file.
    """
    from .own_reports import is_report

    return is_report(data)


def process_file(
    source: SourceFile,
    options: RunOptions,
    data: bytes | None = None,
    deferred: list[PendingWrite] | None = None,
) -> FileResult:
    """Migrate one file. Never raises for a problem with the file: it becomes an error result.

    With ``deferred``, a file to write is appended there instead of written (see
    :func:`_worker_process`).
    """
    result = FileResult(source.display)
    try:
        if data is None:
            data = read_source(source.real)
        relevant = may_contain_heygen(data) or admitted_by_project(
            source.real, data, options.project
        )
        if not relevant or is_generated_helper(data) or is_own_report(data):
            return result
        result = _process_candidate(source, options, data, result, deferred)
        # Open work left by earlier runs, whatever this run's rules re-detect.
        result.acknowledged = scan_markers(data, source.real)
        return result
    except MigrationError as exc:
        result.status = STATUS_ERROR
        result.error = exc.message if not exc.line else f"line {exc.line}: {exc.message}"
        result.error_line = exc.line
        result.error_column = exc.column
    except OSError as exc:
        result.status = STATUS_ERROR
        result.error = f"cannot {'write' if result.findings else 'read'}: {exc.strerror or exc}"
    except RecursionError:
        result.status = STATUS_ERROR
        result.error = "too deeply nested to process (recursion limit)"
    except Exception as exc:  # a bug of this tool: this file fails loudly, the run goes on
        result.status = STATUS_ERROR
        result.error = (
            f"internal error ({type(exc).__name__}: {exc}); file left unchanged, please report it"
        )
    return result


def _process_candidate(
    source: SourceFile,
    options: RunOptions,
    data: bytes,
    result: FileResult,
    deferred: list[PendingWrite] | None = None,
) -> FileResult:
    from .source import decode_source

    kind = kind_of(source.real) or _kind_of_unnamed(data)
    if kind != KIND_PYTHON:
        migrated = _process_other_kind(kind, data, source, options)
        new_data = migrated.data
        result.findings = migrated.findings
        result.acknowledged = migrated.acknowledged
        if options.want_diff and migrated.changed:
            result.diff = migrated.diff
        if migrated.changed:
            _add_support_files(result, source, migrated.support_modules, kind == KIND_NOTEBOOK)
            result.packages = sorted(migrated.packages)
        if kind == KIND_DEPENDENCIES and result.findings:
            # Snippets only where no secret can be: a notebook's or `.env` file's lines may
            # hold an API key that the report must not print.
            result.source_lines = source_lines(data, {f.line for f in result.findings})
    else:
        from ..apispec.events import BRIDGE_MODULE
        from .placement import place_helper

        decoded = decode_source(data, source.display)
        helper = place_helper(source.real, BRIDGE_MODULE).importer
        # The facts measured these bytes' nesting, unless the file changed since.
        nesting, layout = source.nesting, source.layout
        if (nesting is not None or layout is not None) and content_digest(data) != source.digest:
            nesting, layout = None, None
        migration = _migrate_with_stack_retry(
            decoded.text, source.display, options, helper, nesting, layout
        )
        if not migration.changed or decoded.python_readable:
            result.findings = migration.findings
            result.acknowledged = migration.acknowledged
        if result.findings:
            result.source_lines = source_lines(
                data, {f.line for f in result.findings}, migration.secrets
            )
        if not migration.changed:
            return result
        if not decoded.python_readable:
            raise MigrationError(
                f"HeyGen usage to migrate, but the file is encoded in {decoded.encoding.upper()}"
                " (it starts with a byte-order mark), which Python cannot run and this tool "
                "does not write: convert it to UTF-8 and run again; file left unchanged",
                source.display,
            )
        _add_support_files(result, source, migration.support_modules)
        result.packages = sorted(migration.packages)
        try:
            new_data = decoded.encode(migration.code)
        except UnicodeEncodeError as exc:
            raise MigrationError(
                f"the migrated code contains {exc.object[exc.start : exc.end]!r}, which "
                f"{decoded.encoding} cannot encode; file left unchanged",
                source.display,
            ) from None
        if options.want_diff:
            result.diff = unified_diff(
                decoded.text, migration.code, source.display, secrets=migration.secrets
            )
            if decoded.encoding.replace("_", "-").lower() not in ("utf-8", "utf-8-sig"):
                result.diff_encoding = decoded.encoding
    if new_data == data:
        return result
    result.status = STATUS_CHANGED
    if options.mode == MODE_WRITE:
        if options.hold_writes:
            result.pending = (new_data, data)
        elif deferred is not None:
            deferred.append((result, source, new_data, data))
        else:
            write_result(result, source, new_data, data)
    return result


def write_result(result: FileResult, source: SourceFile, new_data: bytes, data: bytes) -> None:
    """Write a migrated file (and first the helper modules it imports); errors go to ``result``."""
    from .writer import atomic_write

    try:
        # Helper modules first: a run killed between the two writes must not leave a
        # migrated file importing a module that the next run (which finds nothing left
        # to migrate in that file) would never create.
        _create_support_files(result)
        atomic_write(source.real, new_data, expected=data)
    except OSError as exc:
        result.status = STATUS_ERROR
        result.error = f"not written: {exc.strerror or exc}"
        return
    except Exception as exc:  # a bug of this tool: this file fails loudly, the run goes on
        result.status = STATUS_ERROR
        result.error = (
            f"internal error ({type(exc).__name__}: {exc}); not written, please report it"
        )
        return
    result.written = True


def _create_support_files(result: FileResult) -> None:
    for support in result.support_files:
        try:
            if _write_helper(support):
                result.support_created.append(support.real)
        except OSError as exc:
            name = os.path.basename(support.real)
            raise OSError(
                exc.errno, f"cannot write the helper module {name} it needs: {exc.strerror}"
            ) from None


def _write_helper(support: SupportFile) -> bool:
    """Create the helper, or replace an older version of it; ``False`` when nothing was done."""
    from .placement import STATE_CREATE, STATE_UPDATE, helper_version
    from .transform import support_module_source
    from .writer import atomic_create, atomic_write

    content = support_module_source(support.template).encode("utf-8")
    if support.state == STATE_CREATE:
        return atomic_create(support.real, content)
    if support.state == STATE_UPDATE:
        old = read_source(support.real)
        if helper_version(old) is None or old == content:
            return False  # replaced meanwhile (by the user, or another worker)
        atomic_write(support.real, content, expected=old)
        return True
    return False


def _add_support_files(
    result: FileResult, source: SourceFile, modules: dict[str, str], notebook: bool = False
) -> None:
    from .placement import place_helper

    for name, rule_code in modules.items():
        placement = place_helper(source.real, name, notebook)
        result.support_files.append(
            SupportFile(
                os.path.join(
                    _display_parent(source.display, placement.levels_up), f"{placement.stem}.py"
                ),
                placement.path,
                rule_code,
                name,
                placement.state,
            )
        )


def _display_parent(display: str, levels: int) -> str:
    """The directory ``levels`` above a file's, written the way the file's path was given."""
    directory = os.path.dirname(display)
    for _ in range(levels):
        head, tail = os.path.split(directory)
        directory = (
            head if tail not in ("", os.curdir, os.pardir) else os.path.join(directory, os.pardir)
        )
    return directory


def _kind_of_unnamed(data: bytes) -> str:
    """A file named explicitly whose name says nothing: a Python script by its shebang
    (``bin/tool``), else something only the inventory reads (``deploy.sh``, ``page.html``)."""
    first_line = data.split(b"\n", 1)[0]
    return (
        KIND_PYTHON if first_line.startswith(b"#!") and b"python" in first_line else KIND_INVENTORY
    )


def _process_other_kind(
    kind: str, data: bytes, source: SourceFile, options: RunOptions
) -> FileMigration:
    rules = _rules_for(options.rule_codes)
    display = source.display
    if kind == KIND_NOTEBOOK:
        from ..apispec.events import BRIDGE_MODULE
        from .notebook import migrate_notebook
        from .placement import place_helper

        helper = place_helper(source.real, BRIDGE_MODULE, notebook=True).importer
        return migrate_notebook(data, display, rules, options.project, helper)
    if kind == KIND_DEPENDENCIES:
        from .dependencies import migrate_dependencies

        return migrate_dependencies(data, display, rules, options.project)
    if kind == KIND_CONFIG:
        from .config_files import migrate_config

        return migrate_config(data, display, rules, options.project)
    from .inventory import scan_inventory

    return scan_inventory(data, display, rules)


def _migrate_with_stack_retry(
    text: str,
    filename: str,
    options: RunOptions,
    helper: HelperImport | None,
    nesting: Nesting | None = None,
    layout: str | None = None,
) -> MigrationResult:
    """LibCST recurses per nesting level; deeply nested files get one retry with more stack."""
    from .reduction import decoded_layout
    from .transform import migrate_text

    migrate = functools.partial(
        migrate_text,
        text,
        filename,
        _rules_for(options.rule_codes),
        project=options.project,
        helper=helper,
        measured=nesting,
        layout=decoded_layout(layout),
    )
    try:
        return migrate()
    except MigrationError as exc:
        if "recursion" not in exc.message and "deeply nested" not in exc.message:
            raise
    import threading

    outcome: list[object] = []

    def run() -> None:
        old_limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old_limit, 20000))
        try:
            outcome.append(migrate())
        except BaseException as exc:  # carried back to the calling thread
            outcome.append(exc)
        finally:
            sys.setrecursionlimit(old_limit)

    previous_size = threading.stack_size()
    try:
        threading.stack_size(512 * 1024 * 1024)
        worker = threading.Thread(target=run, name="h2l-deep")
        worker.start()
        worker.join()
    except (RuntimeError, ValueError, MemoryError):
        # No thread with a large stack on this platform (or under this memory limit).
        raise MigrationError("too deeply nested to process (recursion limit)", filename) from None
    finally:
        threading.stack_size(previous_size)
    value = outcome[0] if outcome else MigrationError("too deeply nested to process", filename)
    if isinstance(value, RecursionError):
        raise MigrationError("too deeply nested to process (recursion limit)", filename)
    if isinstance(value, BaseException):
        raise value
    assert isinstance(value, MigrationResult)
    return value


# The options of the pool being run, for forked workers: they inherit this global with the
# rest of the parent's memory, so a batch is sent without them. They hold the project's facts
# (some 20 KB pickled on a 400-file tree), which the parent would otherwise pickle, and every
# worker unpickle, once per batch.
_POOL_OPTIONS: RunOptions | None = None


_RECEIVED_OPTIONS: tuple[bytes, RunOptions] | None = None
"""In a worker that receives its options: the last pickled options and what they unpickled to."""


def _worker_process(batch: list[SourceFile], sent: bytes | None) -> list[FileResult]:
    """Migrate a batch, then write it: a worker that dies while migrating (a crash, the OOM
    killer) has written nothing, so the files it leaves are redone from their original
    content and reported as what they are. ``sent`` is ``None`` in a worker forked by the
    pool that migrates: the pool's options, inherited (:data:`_POOL_OPTIONS`); otherwise the
    pickled options, the same bytes with every batch, unpickled once per worker (they hold
    the project's facts: tens of kilobytes)."""
    global _RECEIVED_OPTIONS
    if sent is None:
        options = _POOL_OPTIONS
        assert options is not None, "a forked worker inherits the pool's options"
    else:
        if _RECEIVED_OPTIONS is None or _RECEIVED_OPTIONS[0] != sent:
            _RECEIVED_OPTIONS = (sent, pickle.loads(sent))
        options = _RECEIVED_OPTIONS[1]
    deferred: list[PendingWrite] = []
    results = [_process_between_collections(source, options, deferred) for source in batch]
    for result, source, new_data, data in deferred:
        write_result(result, source, new_data, data)
    return results


def _batches(files: Sequence[SourceFile], jobs: int) -> list[list[SourceFile]]:
    """Consecutive files in batches of about equal work (source bytes), so that workers
    finish together: at most MAX_CHUNK files, at most BATCH_BYTES (one file at least), and
    at least four batches a worker when there are enough files. The last ``2 * jobs``
    batches hold one file each: while the workers finish, the one that finishes last has at
    most one file left to do alone, not a whole batch."""
    per_batch = max(1, min(MAX_CHUNK, len(files) // (jobs * 4) or 1))
    tail = 2 * jobs
    batches = _batched(files[: max(0, len(files) - tail)], per_batch)
    return batches + [[source] for source in files[max(0, len(files) - tail) :]]


def _batched(files: Sequence[SourceFile], per_batch: int) -> list[list[SourceFile]]:
    batches: list[list[SourceFile]] = []
    current: list[SourceFile] = []
    size = 0
    for source in files:
        if current and (len(current) >= per_batch or size + source.size > BATCH_BYTES):
            batches.append(current)
            current, size = [], 0
        current.append(source)
        size += source.size
    if current:
        batches.append(current)
    return batches


def _admit_project_callers(
    ordered: list[tuple[int, FileResult | SourceFile]],
    facts: ProjectFacts,
    collector: FactsCollector,
    stat_cache: StatCache | None = None,
    cached: Sequence[int] = (),
) -> ProjectFacts:
    """Make candidates of the run's modules the pre-filter rejected that pass a literal to a
    project opener's id parameter (:func:`calls_id_opener`) or call a project dispatch helper
    with a literal action (:func:`calls_dispatch_helper`), define a model a ``streaming.new``
    request parses its response into (:func:`defines_token_model`), or import a constant
    holding a whole streaming URL from the module defining it (:func:`imports_url_constant`):
    byte tests on a second read.

    A module the stat cache holds (``cached``: the positions in ``ordered`` of the modules
    whose entries the scan met, in the order it met them) is read again only if it calls an
    opener's or a helper's name with a literal argument, or the cache does not know yet what
    it calls (then it learns it from this read); the cache knows no class names, so a project
    with such models reads every one again.

    A dispatch helper's caller is a candidate like any other: its facts join the project's
    (the actions it names tell the helper's own module which endpoints its callers send), and
    so do an URL constant's importer's (its requests are the project's streaming flow: the
    token getter whose token it sends as Bearer, what its session does), so the facts are
    built again when one is admitted; they are returned."""
    from .walk import dispatch_helper_names, opener_names, quoted_call_names, url_constant_names

    names = opener_names(facts) + dispatch_helper_names(facts)
    called = stat_cache.called_numbers(names) if stat_cache is not None else set()
    urls = stat_cache.imported_numbers(url_constant_names(facts)) if stat_cache else set()
    entries: dict[int, tuple[str, StatEntry]] = {}
    if stat_cache is not None and len(cached) == len(stat_cache.fresh):
        entries = dict(zip(cached, stat_cache.fresh.items()))
    dispatch_callers = False
    for at, (position, entry) in enumerate(ordered):
        if not isinstance(entry, FileResult) or entry.status != STATUS_UNCHANGED or entry.skipped:
            continue
        real, known = entries.get(at, ("", None))
        if (
            known is not None
            and stat_cache is not None
            and stat_cache.calls_any(known, called) is False
            and not stat_cache.imports_any(known, urls)
            and not facts.token_response_models  # the cache knows calls, not class names
        ):
            continue  # it calls none of those names with a literal argument, imports none
        if not entry.path.endswith((".py", ".ipynb")) or declares_dependencies(entry.path):
            continue
        try:
            data = read_source(entry.path)
        except OSError:
            continue  # read a moment ago: left as it was found
        if known is not None and stat_cache is not None and known[2] is None:
            stat_cache.note_calls(real, quoted_call_names(data))
        dispatches = calls_dispatch_helper(entry.path, data, facts) or imports_url_constant(
            entry.path, data, facts
        )
        if (
            dispatches
            or calls_id_opener(entry.path, data, facts)
            or defines_token_model(entry.path, data, facts)
        ):
            source = SourceFile(entry.path, os.path.realpath(entry.path))
            source = replace(source, digest=content_digest(data), size=len(data))
            ordered[at] = (position, source)
            if dispatches:
                python = entry.path.endswith(".py")  # a notebook's facts are its byte facts
                collector.add(data, source.digest, python, source.real, resolved=True)
                dispatch_callers = True
    return collector.build() if dispatch_callers else facts


def _facts_cache(scope: ProjectScope | None) -> FactsCache | None:
    if scope is None:
        return None
    from .facts_cache import default_cache

    return default_cache(scope.cache)


def _read_rest_of_project(
    candidates: list[SourceFile],
    ordered: list[tuple[int, FileResult | SourceFile]],
    scope: ProjectScope,
    collector: FactsCollector,
) -> list[OutsideFile]:
    """Read the facts of the project's files that the run was not given; returns those a
    partial run may have to consider together with its own (HeyGen candidates and manifests)."""
    roots = sorted({root for c in candidates if (root := project_root(c.real)) is not None})
    walked = [os.path.realpath(path) for path in scope.given if os.path.isdir(path)]
    roots = [
        root
        for root in roots
        if not any(_under(os.path.realpath(root), directory) for directory in walked)
    ]  # a run given the project's root (or a directory above it) walks it already
    if not roots:
        return []
    # The run's files (results of files without HeyGen usage keep the path as found).
    seen = {
        os.path.realpath(entry.real if isinstance(entry, SourceFile) else entry.path)
        for _position, entry in ordered
        if isinstance(entry, SourceFile) or entry.status == STATUS_UNCHANGED
    }
    outside: list[OutsideFile] = []
    for root in roots:
        outside += _read_project(root, seen, scope, collector)
    return outside


def _imports_of(path: str, data: bytes, found: FileFacts) -> list[tuple[int, str, tuple[str, ...]]]:
    """A file's imports: from its ``ast`` facts, or from a notebook's code cells."""
    if kind_of(path) == KIND_NOTEBOOK:
        from .project_facts import notebook_imports

        return notebook_imports(data)
    return found.imports


def _under(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


def _read_project(
    root: str, seen: set[str], scope: ProjectScope, collector: FactsCollector
) -> list[OutsideFile]:
    """Facts of the files under ``root`` not in ``seen`` (which grows with them)."""
    # A stat result, paths and a stat-cache answer for each of maybe tens of thousands of
    # files, and no cycle: a collection during the walk would only traverse the stat cache's
    # entries (loaded at its start) again.
    with _collections_paused():
        return _read_project_files(root, seen, scope, collector)


def _read_project_files(
    root: str, seen: set[str], scope: ProjectScope, collector: FactsCollector
) -> list[OutsideFile]:
    outside: list[OutsideFile] = []
    maybe_callers: list[tuple[str, str, bytes]] = []
    # Modules that may send a URL constant of another module (read now, or known to the stat
    # cache: its entries keep the names they import), tested once every file is read.
    maybe_senders: list[tuple[str, str, bytes]] = []
    unread: list[tuple[str, str]] = []
    stat_cache = _stat_cache(root, scope)
    listings = stat_cache.listings if stat_cache is not None else None
    for display, real, problem in _project_files(root, scope, listings):
        if problem or real in seen:
            continue
        seen.add(real)
        kind = KIND_PYTHON if real.endswith(".py") else kind_of(real)
        if kind == KIND_CONFIG:
            try:
                if not is_data_file(real) and may_contain_heygen(read_source(real)):
                    outside.append(OutsideFile(SourceFile(display, real), kind))
            except OSError:
                pass
            continue  # settings, not code: no facts (see ``engine/config_files.py``)
        if kind not in (KIND_PYTHON, KIND_NOTEBOOK, KIND_DEPENDENCIES):
            continue  # only read by the inventory, never rewritten
        status = None
        if stat_cache is not None and kind != KIND_DEPENDENCIES:
            try:
                status = stat_cache.unchanged(real)
            except OSError:
                continue
            if status is None:
                if kind == KIND_PYTHON:
                    collector.other_modules.append(real)  # read if a candidate imports it
                    unread.append((display, real))
                continue  # unchanged since a run found no HeyGen usage in it
        try:
            data = read_source(real)
        except OSError:
            continue
        if kind == KIND_DEPENDENCIES:
            collector.note_imports(data)
            # Even without a HeyGen token: migrated code may need `livekit` added there.
            outside.append(OutsideFile(SourceFile(display, real), kind))
            continue
        if not may_contain_heygen(data) or is_own_report(data) or is_generated_helper(data):
            from .dispatch_facts import may_call_dispatch_helper
            from .project_facts import imported_name_bytes

            # A wrapper found here is no stat-cache entry: the file is read on every run.
            wrappers = not (is_own_report(data) or is_generated_helper(data)) and (
                collector.note_table_wrappers(data)
            )
            names = imported_name_bytes(data)
            collector.imported_names.update(names)
            # ``self.gw.call("new", body)`` naming no HeyGen word may call a dispatch helper
            # of another module: decided once every file's facts are read (below), and no
            # stat-cache entry either (a helper added later makes it a caller).
            dispatch = kind == KIND_PYTHON and may_call_dispatch_helper(data)
            if dispatch:
                maybe_callers.append((display, real, data))
            elif kind == KIND_PYTHON and may_send_imported_constant(data):
                # ``requests.post(NEW_URL, ...)`` with ``NEW_URL`` from ``.urls``: which
                # constants hold a streaming URL is known once every file is read, likewise
                # (its stat-cache entry names what it imports: tested below when unchanged).
                maybe_senders.append((display, real, data))
            if kind == KIND_PYTHON:
                collector.other_modules.append(real)
            if stat_cache is not None and status is not None and not wrappers and not dispatch:
                stat_cache.remember(real, status, names)
            continue
        collector.note_imports(data)
        digest = content_digest(data)
        found = collector.add(data, digest, real.endswith(".py"), real, resolved=True)
        source = SourceFile(display, real, digest=digest, size=len(data))
        outside.append(OutsideFile(source, kind, tuple(_imports_of(real, data, found))))
    urls = collector.url_constant_table() if maybe_senders or unread else ()
    if urls and unread and stat_cache is not None:
        from .walk import url_constant_names

        numbers = stat_cache.imported_numbers(url_constant_names(ProjectFacts(url_constants=urls)))
        for display, real in unread if numbers else ():
            entry = stat_cache.fresh.get(real)
            if entry is not None and stat_cache.imports_any(entry, numbers):
                with contextlib.suppress(OSError):
                    maybe_senders.append((display, real, read_source(real)))
    if urls:
        maybe_callers += maybe_senders
    if maybe_callers:
        # As a whole run admits them (``_admit_project_callers``): a module calling a project
        # dispatch helper, or sending a URL constant of another module, is read like a
        # candidate (the actions it names are facts of the helper's module, the Bearer token
        # it sends pairs a token getter, and its migration goes with that module's).
        helpers = ProjectFacts(dispatch_helpers=collector.dispatch_helpers(), url_constants=urls)
        for display, real, data in maybe_callers:
            if calls_dispatch_helper(real, data, helpers) or imports_url_constant(
                real, data, helpers
            ):
                digest = content_digest(data)
                found = collector.add(data, digest, True, real, resolved=True)
                source = SourceFile(display, real, digest=digest, size=len(data))
                outside.append(OutsideFile(source, KIND_PYTHON, tuple(found.imports)))
    if stat_cache is not None:
        collector.imported_names.update(stat_cache.imported_names())
        stat_cache.save()
    return outside


def _project_files(
    root: str, scope: ProjectScope, listings: DirectoryListings | None = None
) -> Iterator[tuple[str, str, str]]:
    """``(path, real path, problem)`` of every file a whole-project run from the working
    directory would walk under ``root`` (the walk follows no symbolic links: its real paths
    are real; ``listings`` spare the reading of unchanged directories; a file with a
    ``problem`` is skipped by the caller: no generator layer of its own for each file)."""
    from .discovery import discover, walk_paths

    here = os.path.realpath(os.getcwd())
    # Spelled as a whole-project run from the working directory would (`--exclude` globs
    # match paths as the walk writes them).
    shown = os.path.relpath(root) if _under(os.path.realpath(root), here) else root
    if os.path.isdir(shown) and not os.path.islink(shown):
        yield from walk_paths(
            shown, scope.exclude, scope.respect_gitignore, scope.inventory, listings=listings
        )
        return
    for item in discover(
        [shown],
        exclude=scope.exclude,
        respect_gitignore=scope.respect_gitignore,
        inventory=scope.inventory,
    ):
        if isinstance(item, SourceFile):
            yield item.display, item.real, ""


def _whole_run_stat_cache(scope: ProjectScope | None) -> StatCache | None:
    """The stat-keyed cache of the files a whole run walks (``None`` when the run uses no
    cache, or is given files: those are read in full anyway)."""
    if scope is None or not scope.cache or not scope.given:
        return None
    if not all(os.path.isdir(path) for path in scope.given):
        return None
    from .facts_cache import cache_disabled

    if cache_disabled():
        return None
    from .stat_cache import StatCache

    return StatCache("", whole_run=scope.given)


def _stat_cache(root: str, scope: ProjectScope) -> StatCache | None:
    """The stat-keyed cache of the project's files without HeyGen usage (``None`` when the
    run uses no cache)."""
    if not scope.cache:
        return None
    from .facts_cache import cache_disabled

    if cache_disabled():
        return None
    from .stat_cache import StatCache

    return StatCache(root)


def facts_for_file(
    path: str, scope: ProjectScope, data: bytes | None = None, root: str | None = None
) -> tuple[ProjectFacts, list[OutsideFile], FileFacts | None]:
    """The facts a whole-project run has when it migrates ``path`` (with content ``data``
    instead of the file's, e.g. standard input named by ``--stdin-filename``): read from
    every file of its project (``root``, else :func:`project_root`), writing nothing.

    Also returns the project's other files that may go with it (see :class:`Companions`)
    and the file's own ``ast`` facts (``None`` when it has no HeyGen usage)."""
    from .project_facts import FactsCollector

    collector = FactsCollector(_facts_cache(scope))
    real = os.path.realpath(path)
    if data is None:
        try:
            data = read_source(path)
        except OSError:
            data = b""
    own = None
    collector.note_imports(data)
    if may_contain_heygen(data) and not (is_own_report(data) or is_generated_helper(data)):
        own = collector.add(data, None, path.endswith(".py"), path)
    root = root or project_root(path)
    outside = _read_project(root, {real}, scope, collector) if root is not None else []
    return collector.build(), outside, own


Imports = Sequence[tuple[int, str, tuple[str, ...]]]


def _reads_django_settings(imports: Imports) -> bool:
    """``from django.conf import settings``: the module reads the project's settings module
    (``DJANGO_SETTINGS_MODULE``) without importing it by name."""
    return any(
        not level and module == "django.conf" and "settings" in names
        for level, module, names in imports
    )


def _is_django_settings_module(path: str) -> bool:
    """``settings.py``, or a module of a ``settings/`` package (``settings/base.py``): where
    Django projects keep what ``django.conf.settings`` reads (``HEYGEN_API_BASE`` ...)."""
    directory, name = os.path.split(path)
    return name == "settings.py" or os.path.basename(directory) == "settings"


class Companions:
    """The files a partial run was not given that go with a file it migrates.

    ``G`` (not in the run) goes with ``F`` (in the run, changing) when a whole-project run
    would change ``G`` too and ``F`` imports ``G`` or ``G`` imports ``F`` (a settings module,
    the caller reading a session's fields), or ``G`` is ``F``'s dependency manifest (a
    framework pin, ``livekit`` for the events). Whether ``G`` would change is learnt by
    migrating it in memory (``--check``), once, and only for linked files.
    """

    def __init__(self, outside: list[OutsideFile], options: RunOptions) -> None:
        self.code = [o for o in outside if o.kind not in (KIND_DEPENDENCIES, KIND_CONFIG)]
        self.configs = [o for o in outside if o.kind == KIND_CONFIG]
        self.manifests = {o.source.real: o for o in outside if o.kind == KIND_DEPENDENCIES}
        self.check = replace(options, mode=MODE_CHECK, want_diff=False, hold_writes=False)
        self.by_real = {o.source.real: o for o in self.code}
        self.changes: dict[str, bool] = {}
        self.results: dict[str, FileResult] = {}
        self.targets: dict[str, tuple[set[str], set[str]]] = {}

    def would_change(self, other: OutsideFile) -> bool:
        real = other.source.real
        if real not in self.changes:
            result = process_file(other.source, self.check)
            self.changes[real] = result.status == STATUS_CHANGED
            self.results[real] = result
        return self.changes[real]

    def closure(self, paths: list[str]) -> list[str]:
        """``paths`` (the outside files a file goes with) and, in turn, the outside files
        each of those goes with: the files a run must be given so that none of them is held
        for a file it still lacks. Naming only the first ones sends the user round in
        circles (the settings module, once given, names the other modules reading it)."""
        found = dict.fromkeys(paths)
        frontier = list(found)
        while frontier:
            real = frontier.pop()
            other = self.by_real.get(real)
            if other is None:  # a manifest or a config file goes with nothing further
                continue
            for more in self.needed(real, other.imports, self.results[real]):
                if more not in found:
                    found[more] = None
                    frontier.append(more)
        return list(found)

    def linked(self, a: str, a_imports: Imports, b: str) -> bool:
        """``a`` imports ``b`` (both real paths), or reads it as Django's settings."""
        from .project_facts import import_targets

        if a not in self.targets:
            self.targets[a] = import_targets(a, list(a_imports))
        exact, suffixes = self.targets[a]
        if b in exact or any(b.endswith(suffix) for suffix in suffixes):
            return True
        return _is_django_settings_module(b) and _reads_django_settings(a_imports)

    def needed(self, real: str, imports: Imports, result: FileResult) -> list[str]:
        """The files (real paths) that must change together with ``result``'s file."""
        from .runtime_requirements import find_manifest, plan_addition

        if result.status != STATUS_CHANGED:
            return []
        found: list[str] = []
        for other in self.code:
            other_real = other.source.real  # real already: the project walk follows no links
            if (
                self.linked(real, imports, other_real)
                or self.linked(other_real, other.imports, real)
            ) and self.would_change(other):
                found.append(other.source.real)
        if self.configs:
            found += self._configs_read_by(real)
        directory = os.path.dirname(result.support_files[0].real if result.support_files else real)
        manifest = find_manifest(directory)
        manifest_real = os.path.realpath(manifest) if manifest is not None else None
        if manifest_real in self.manifests:
            other = self.manifests[manifest_real]
            additions = [
                plan_addition(manifest_real, package, _minimum(package))
                for package in result.packages
            ]
            if self.would_change(other) or any(
                a is not None and a.new_text is not None for a in additions
            ):
                found.append(other.source.real)
        return found

    def _configs_read_by(self, real: str) -> list[str]:
        """Config files that would change under keys the file ``real`` reads from parsed
        JSON (a JSON file), from a config parser (an INI file) or from parsed TOML (a TOML
        file)."""
        from .config_files import is_ini, is_toml, keys_changed
        from .project_facts import file_facts

        try:
            facts = file_facts(read_source(real), real.endswith(".py"))
        except OSError:
            return []
        project = self.check.project
        if not facts.json_keys and not facts.ini_keys and not facts.toml_keys:
            return []
        found: list[str] = []
        for config in self.configs:
            config_real = config.source.real
            if is_toml(config_real):
                read = facts.toml_keys
            else:
                read = facts.ini_keys if is_ini(config_real) else facts.json_keys
            if (
                read
                and self.would_change(config)
                and read & keys_changed(read_source(config_real), config_real, project)
            ):
                found.append(config_real)
        return found


def _is_config_file(path: str) -> bool:
    return kind_of(path) == KIND_CONFIG


def _migrate_partial(
    candidates: list[SourceFile],
    outside: list[OutsideFile],
    imports: dict[str, list[tuple[int, str, tuple[str, ...]]]],
    options: RunOptions,
    warm: WarmPool | None = None,
) -> Iterator[FileResult]:
    """Migrate a partial run's files, then write only those whose migration is complete
    without the files the run was not given.

    A file of the run that changes is held back (left unchanged, a manual finding names the
    files to add) when it has :class:`Companions`; a file of the run that goes with a held
    file is held too.
    """
    held_options = replace(options, hold_writes=True) if options.mode == MODE_WRITE else options
    results = list(_migrate_all(candidates, held_options, warm))
    companions = Companions(outside, options)
    reals = [os.path.realpath(c.real) for c in candidates]
    needed = [
        companions.needed(real, imports.get(real, []), result)
        for real, result in zip(reals, results)
    ]
    # A file of the run that goes with a held one waits for it.
    grown = True
    while grown:
        grown = False
        for index, result in enumerate(results):
            if result.status != STATUS_CHANGED or needed[index]:
                continue
            for other_index, paths in enumerate(needed):
                if paths and (
                    companions.linked(
                        reals[index], imports.get(reals[index], []), reals[other_index]
                    )
                    or companions.linked(
                        reals[other_index], imports.get(reals[other_index], []), reals[index]
                    )
                ):
                    needed[index] = list(paths)
                    grown = True
                    break
    closures = [companions.closure(paths) if paths else [] for paths in needed]
    groups = _groups(reals, closures)
    in_run = set(reals)
    for index, (source, result) in enumerate(zip(candidates, results)):
        if needed[index]:
            hold(
                result,
                [path for path in groups[reals[index]] if path not in in_run],
                [results[other].path for other in _run_members(reals, groups, index)],
            )
        elif result.pending is not None:
            new_data, data = result.pending
            result.pending = None
            write_result(result, source, new_data, data)
        yield result


def _groups(reals: list[str], closures: list[list[str]]) -> dict[str, list[str]]:
    """For each held file of the run, its group: the files of the run whose closures share
    a file, with those closures (one command migrates the whole group)."""
    parent: dict[str, str] = {}

    def root(path: str) -> str:
        while parent.setdefault(path, path) != path:
            path = parent[path]
        return path

    for real, paths in zip(reals, closures):
        for path in paths:
            path_root, real_root = root(path), root(real)
            parent[path_root] = real_root
    members: dict[str, list[str]] = {}
    for path in list(parent):
        members.setdefault(root(path), []).append(path)
    return {real: members[root(real)] for real, paths in zip(reals, closures) if paths}


def _run_members(reals: list[str], groups: dict[str, list[str]], index: int) -> list[int]:
    """The other files of the run in the group of the run's file ``index``."""
    group = set(groups[reals[index]])
    return [other for other, real in enumerate(reals) if other != index and real in group]


def _minimum(package: str) -> str:
    from .runtime_requirements import LIVEKIT_REQUIREMENT

    return LIVEKIT_REQUIREMENT[1] if package == LIVEKIT_REQUIREMENT[0] else "0"


def _shown(path: str) -> str:
    """A path as messages show it: relative to the working directory when under it."""
    relative = os.path.relpath(path)
    shown = path if relative.startswith(os.pardir) else relative
    return shown.replace(os.sep, "/")


def hold(result: FileResult, paths: list[str], run_files: Sequence[str] = ()) -> None:
    """Leave a file of a partial run unchanged: its migration needs files the run lacks
    (``paths``); ``run_files``, files of the run held with it, belong in the same command."""
    import shlex

    from ..model import KIND_MANUAL, Finding

    names = sorted(dict.fromkeys(_shown(p) for p in paths))
    listed = ", ".join(f"`{name}`" for name in names)
    given = sorted(dict.fromkeys(_shown(p) for p in run_files))
    together = " ".join(shlex.quote(name) for name in [_shown(result.path), *given, *names])
    fixed_by = sorted({f.rule for f in result.fixes}) or ["H2L401"]
    result.status = STATUS_UNCHANGED
    result.diff = ""
    result.pending = None
    result.support_files = []
    result.packages = []
    result.findings = [
        Finding(
            fixed_by[0],
            KIND_MANUAL,
            1,
            1,
            f"not migrated: this file's migration goes with changes to {listed}, which this "
            "run was not given (a partial run writes no half migration); migrate them "
            f"together: `heygen2liveavatar migrate {together}` (pre-commit: `pre-commit run "
            f"--files {together}`, then stage the result), or migrate the whole project",
        )
    ]
    result.source_lines = {}
    result.needs = tuple(names)


NO_PROJECT_FACTS_VARIABLE = "HEYGEN2LIVEAVATAR_BENCHMARK_NO_FACTS"
"""For the benchmarks only (``benchmarks/run.py``, the Project facts row): when set to a
non-empty value, a run reads no cross-file facts and migrates every file on its own, which is
what the facts cost is measured against. The output can differ from a normal run's."""


def _without_project_facts() -> bool:
    return bool(os.environ.get(NO_PROJECT_FACTS_VARIABLE))


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run(
    items: Iterable[SourceFile | DiscoveryError],
    options: RunOptions,
    on_scanned: Callable[[int], None] | None = None,
    on_migrated: Callable[[int, int], None] | None = None,
    scope: ProjectScope | None = None,
) -> Iterator[FileResult]:
    """Yield one result per discovered file, in discovery order.

    The parent reads every file and applies the pre-filter, so a tree with no HeyGen usage
    never starts a worker or imports LibCST; the candidates are migrated in-process or in a
    process pool, and all results are yielded in the order the files were found.

    With ``scope``, the facts come from the whole project each file belongs to (see
    :func:`project_root`), not only from the files given: a file migrated in a partial run
    comes out as in a whole-project run. A partial run never writes half a migration: a
    file whose migration goes with changes to files it was not given is left unchanged and
    gets a manual finding naming them (:func:`_migrate_partial`).
    """
    warm = WarmPool()
    try:
        yield from _run(items, options, on_scanned, on_migrated, scope, warm)
    finally:
        warm.shutdown()


def _run(
    items: Iterable[SourceFile | DiscoveryError],
    options: RunOptions,
    on_scanned: Callable[[int], None] | None,
    on_migrated: Callable[[int, int], None] | None,
    scope: ProjectScope | None,
    warm: WarmPool,
) -> Iterator[FileResult]:
    from .placement import clear_caches

    clear_caches()  # the tree may have changed since an earlier run in this process
    from .project_facts import FactsCollector, imported_name_bytes

    ordered: list[tuple[int, FileResult | SourceFile]] = []
    candidates: list[SourceFile] = []
    collector = FactsCollector(_facts_cache(scope))
    with_facts = not _without_project_facts()
    imports: dict[str, list[tuple[int, str, tuple[str, ...]]]] = {}
    # Dependency declarations that mention no HeyGen word: they still name a framework whose
    # HeyGen integration other files may import (``pipecat-ai==0.0.97``), known after the scan.
    declarations: list[tuple[int, SourceFile, bytes]] = []
    # Modules that mention no HeyGen word may pass a literal HeyGen id to a project opener
    # (``ProjectFacts.id_parameters``), known after the scan: re-read only then, unless the
    # stat cache knows the names the module calls with a literal (its entries, by position in
    # ``ordered``). Those quoting a date-suffixed asset name are noted: a run of no other
    # candidate reads its project's facts for them.
    dated: list[SourceFile] = []
    stat_cache = _whole_run_stat_cache(scope) if with_facts else None
    # Positions in ``ordered`` of the modules the stat cache holds, in the order its entries
    # were met (that of ``stat_cache.fresh``): an array, not a dict (one per file of the tree).
    cached = array("q")
    for position, item in enumerate(items):
        if isinstance(item, DiscoveryError):
            if item.skipped:
                skipped = FileResult(item.display, STATUS_UNCHANGED, skipped=item.message)
                ordered.append((position, skipped))
            else:
                failed = FileResult(item.display, STATUS_ERROR, error=item.message)
                ordered.append((position, failed))
            continue
        if is_data_file(item.real):
            # Too large to be a config: never changed, so not read (a tree of data files).
            ordered.append((position, FileResult(item.display, STATUS_UNCHANGED)))
            if on_scanned is not None:
                on_scanned(position + 1)
            continue
        try:
            data, status = read_source_and_stat(item.real)
        except OSError as exc:
            ordered.append(
                (
                    position,
                    FileResult(
                        item.display, STATUS_ERROR, error=f"cannot read: {exc.strerror or exc}"
                    ),
                )
            )
            continue
        if not may_contain_heygen(data):
            if with_facts:
                collector.note_table_wrappers(data, later=True)
                if item.real.endswith(".py"):
                    collector.other_modules.append(item.real)  # read if a candidate imports it
                if stat_cache is None or not item.real.endswith(".py"):
                    collector.note_imports(data)
                else:
                    if stat_cache.known(item.real, status) is None:
                        names = imported_name_bytes(data)
                        collector.imported_names.update(names)
                        stat_cache.remember(item.real, status, names)
                    cached.append(len(ordered))  # (a known file's names: below)
            if declares_dependencies(item.real):
                declarations.append((len(ordered), item, data))
            elif (
                not candidates
                and item.real.endswith(".py")
                and (
                    may_name_heygen_asset(data)
                    or may_parse_session_response(data)
                    or may_send_imported_constant(data)
                )
            ):
                dated.append(item)  # its project's facts may concern it: read them
            ordered.append((position, FileResult(item.display, STATUS_UNCHANGED)))
        else:
            if with_facts:
                collector.note_imports(data)
            item = replace(item, digest=content_digest(data), size=len(data))
            if with_facts and not (
                is_own_report(data) or is_generated_helper(data) or _is_config_file(item.real)
            ):
                # A saved report quotes HeyGen calls, the helper describes them, a JSON config
                # holds settings: none is code of the project, none says anything about its
                # session flow (and a partial run, which never reads them for facts, agrees).
                found = collector.add(data, item.digest, item.real.endswith(".py"), item.real)
                imports[os.path.realpath(item.real)] = _imports_of(item.real, data, found)
                item = replace(item, nesting=found.nesting, layout=found.layout)
            ordered.append((position, item))
            candidates.append(item)
            if options.jobs > 1 and len(candidates) == max(MIN_FILES_FOR_POOL, options.jobs):
                # Enough files for every worker (fewer go to a pool sized for them, later).
                warm.start(options.jobs)
        if on_scanned is not None:
            on_scanned(position + 1)
    outside: list[OutsideFile] = []
    if scope is not None and with_facts:
        members = candidates or dated
        if members:
            outside = _read_rest_of_project(members, ordered, scope, collector)
    if stat_cache is not None:
        collector.imported_names.update(stat_cache.imported_names())
    facts = collector.build() if with_facts else None
    if facts is not None and facts.framework_packages and declarations:
        for at, declared, data in declarations:
            if names_used_framework(declared.real, data, facts):
                position, _unchanged = ordered[at]
                promoted = replace(declared, digest=content_digest(data), size=len(data))
                ordered[at] = (position, promoted)
        candidates = [entry for _position, entry in ordered if isinstance(entry, SourceFile)]
    if facts is not None and (
        facts.id_parameters
        or facts.dispatch_helpers
        or facts.token_response_models
        or facts.url_constants
    ):
        facts = _admit_project_callers(ordered, facts, collector, stat_cache, cached)
        candidates = [entry for _position, entry in ordered if isinstance(entry, SourceFile)]
    if stat_cache is not None:
        stat_cache.save()
        stat_cache = None  # tens of thousands of entries: not kept through the migration
        del cached[:]
    options = replace(options, project=facts)
    if outside:
        migrated = _migrate_partial(candidates, outside, imports, options, warm)
    else:
        migrated = _migrate_all(candidates, options, warm)
    done = 0
    if on_migrated is not None:
        on_migrated(0, len(candidates))  # (candidates migrated, candidates): the second phase
    for _position, entry in ordered:
        if isinstance(entry, FileResult):
            yield entry
        else:
            result = next(migrated)
            done += 1
            if on_migrated is not None:
                on_migrated(done, len(candidates))
            yield result


# A migration allocates a few hundred thousand short-lived objects (a LibCST tree, its index,
# the edited paths) and makes almost no reference cycles: the tree is freed by reference
# counting when the file is done. Collections while a file is migrated only walk that live
# tree, over and over (a tenth of the migration time); between files there is next to nothing
# to walk. So the collector is off while a file is migrated and runs between files, and the
# heap left by start-up (modules, classes, the rules) is frozen out of its view, which also
# keeps forked workers from copying those pages when a collection touches them.
@contextmanager
def _collector_frozen() -> Iterator[None]:
    # ``gc.unfreeze`` releases everything frozen: when the caller (a program using the
    # engine as a library) had frozen its own heap, it stays frozen, ours with it.
    already_frozen = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not already_frozen:
            gc.unfreeze()


def _process_between_collections(
    source: SourceFile, options: RunOptions, deferred: list[PendingWrite] | None = None
) -> FileResult:
    """:func:`process_file` with the cyclic collector paused for its duration."""
    with _collections_paused():
        return process_file(source, options, deferred=deferred)


@contextmanager
def _collections_paused() -> Iterator[None]:
    """The cyclic collector off (if it was on) for the duration."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _pool_options(options: RunOptions) -> Iterator[None]:
    """:data:`_POOL_OPTIONS` set while a pool runs (its workers fork at its first batch)."""
    global _POOL_OPTIONS
    previous = _POOL_OPTIONS
    _POOL_OPTIONS = options
    try:
        yield
    finally:
        _POOL_OPTIONS = previous


def _worker_setup() -> None:
    """Pool initializer for workers that did not inherit LibCST and the rules: spawned ones,
    and those of a :class:`WarmPool`, forked before the parent imported them."""
    _rules_for(None)
    gc.freeze()


def _started() -> None:
    """A first task for a :class:`WarmPool`'s workers: they start (and import) at once."""


def _pool_context() -> BaseContext:
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


class WarmPool:
    """Workers started while the parent still reads the project, once the run has enough
    candidates to need them all (:data:`MIN_FILES_FOR_POOL`, and one per worker).

    Importing LibCST and the rules takes the parent about a third of a second, which no
    worker can share when they are forked after it (the serial part of ``--jobs``). Started
    early, each worker imports them itself, in parallel with the parent's discovery and
    facts; they then receive the options, facts included, pickled once and sent with every
    batch. :func:`run` owns it and shuts it down.
    """

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.context: BaseContext | None = None

    def start(self, jobs: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.context = _pool_context()
        self.pool = ProcessPoolExecutor(
            max_workers=jobs, mp_context=self.context, initializer=_worker_setup
        )
        for _ in range(jobs):
            self.pool.submit(_started)

    def shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _migrate_all(
    candidates: list[SourceFile], options: RunOptions, warm: WarmPool | None = None
) -> Iterator[FileResult]:
    if not candidates:
        return
    pooled = options.jobs > 1 and len(candidates) >= MIN_FILES_FOR_POOL
    if pooled and warm is not None and warm.pool is not None:
        with _collector_frozen():
            yield from _migrate_pooled(candidates, options, warm)
        return
    if pooled:
        # Import LibCST and the rules before freezing the heap and forking, so that workers
        # start warm instead of each paying the import. (Run alone, a file imports them only
        # if it needs them: a generated helper module does not.)
        _rules_for(options.rule_codes)
    with _collector_frozen():
        if pooled:
            yield from _migrate_pooled(candidates, options)
        else:
            for source in candidates:
                yield _process_between_collections(source, options)


def _migrate_pooled(
    candidates: list[SourceFile], options: RunOptions, warm: WarmPool | None = None
) -> Iterator[FileResult]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    batches = _batches(candidates, options.jobs)
    workers = min(options.jobs, len(batches))
    # A sliding window of submitted batches: workers always have work queued, but results
    # (diffs included) that the consumer has not taken yet stay bounded, and a consumed
    # batch's future is dropped, so memory does not grow with the number of files.
    window = workers * 4
    with contextlib.ExitStack() as stack:
        if warm is not None and warm.pool is not None and warm.context is not None:
            # Started during discovery, before the facts existed: the options are sent.
            pool, context = warm.pool, warm.context
            sent: bytes | None = pickle.dumps(options, pickle.HIGHEST_PROTOCOL)
        else:
            context = _pool_context()
            forked = context.get_start_method() == "fork"
            # Forked workers inherit the options (see ``_POOL_OPTIONS``); spawned ones
            # receive them.
            sent = None if forked else pickle.dumps(options, pickle.HIGHEST_PROTOCOL)
            stack.enter_context(_pool_options(options))
            pool = stack.enter_context(
                ProcessPoolExecutor(
                    max_workers=workers,
                    mp_context=context,
                    initializer=None if forked else _worker_setup,
                )
            )
        futures: list[Future[list[FileResult]] | None] = []
        broken = False
        for index, batch in enumerate(batches):
            while not broken and len(futures) < min(len(batches), index + window):
                try:
                    futures.append(pool.submit(_worker_process, batches[len(futures)], sent))
                except BrokenProcessPool:
                    broken = True  # reported below, with the batches it left
            future = futures[index] if index < len(futures) else None
            try:
                if future is None:
                    raise BrokenProcessPool("the pool broke before this batch was submitted")
                futures[index] = None
                results = future.result()
            except BrokenProcessPool:
                # A worker died (a crash, the OOM killer, os._exit in a plugin): the pool
                # fails every unfinished batch. Redo those files one process each, so the
                # file that kills its process is named and every other one is migrated.
                pending = [future, *futures[index + 1 :]]
                pending += [None] * (len(batches) - index - len(pending))
                yield from _after_broken_pool(batches[index:], pending, options, context)
                return
            except Exception as exc:  # pickling or other pool failures: report, do not hang
                results = [
                    FileResult(
                        s.display, STATUS_ERROR, error=f"worker failed: {type(exc).__name__}: {exc}"
                    )
                    for s in batch
                ]
            yield from results


def _after_broken_pool(
    batches: list[list[SourceFile]],
    futures: Sequence[Future[list[FileResult]] | None],
    options: RunOptions,
    context: BaseContext,
) -> Iterator[FileResult]:
    """Results of the batches a broken pool left, in order: finished ones as they are,
    the others from one process per file (:func:`_isolated`)."""
    redo = [
        source
        for batch, future in zip(batches, futures)
        if not _succeeded(future)
        for source in batch
    ]
    redone = _isolated(redo, options, context)
    for batch, future in zip(batches, futures):
        if future is not None and _succeeded(future):
            yield from future.result()
        else:
            for _source in batch:
                yield next(redone)


def _succeeded(future: Future[list[FileResult]] | None) -> bool:
    """Finished with results (``None``: never submitted, as the window had not reached it)."""
    return (
        future is not None
        and future.done()
        and not future.cancelled()
        and future.exception() is None
    )


def _isolated(
    sources: list[SourceFile], options: RunOptions, context: BaseContext
) -> Iterator[FileResult]:
    """Migrate each file in a process of its own (``options.jobs`` at a time), in order.

    A process that dies without a result yields an error naming how it died; nothing
    waits forever on a dead process (its sentinel ends the wait).
    """
    from multiprocessing.connection import wait

    pending = list(enumerate(sources))
    pending.reverse()
    running: dict[int, tuple[SourceFile, BaseProcess, Connection]] = {}
    done: dict[int, FileResult] = {}
    following = 0
    while pending or running:
        while pending and len(running) < max(1, options.jobs):
            position, source = pending.pop()
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(  # type: ignore[attr-defined]
                target=_isolated_worker, args=(source, options, sender), daemon=True
            )
            process.start()
            sender.close()
            running[position] = (source, process, receiver)
        wait([p.sentinel for _, p, _ in running.values()] + [r for _, _, r in running.values()])
        for position, (source, process, receiver) in list(running.items()):
            result: FileResult | None = None
            if receiver.poll():
                try:
                    result = receiver.recv()
                except (EOFError, OSError):
                    result = None
            elif process.is_alive():
                continue
            process.join()
            if result is None and receiver.poll():
                # It sent its result and exited between the poll above and ``is_alive``:
                # under load that window is real (seen as "died (exit status 0)").
                try:
                    result = receiver.recv()
                except (EOFError, OSError):
                    result = None
            receiver.close()
            del running[position]
            done[position] = result or FileResult(
                source.display,
                STATUS_ERROR,
                error=f"the worker process migrating this file died ({_death(process.exitcode)})",
            )
        while following in done:
            yield done.pop(following)
            following += 1


def _isolated_worker(source: SourceFile, options: RunOptions, sender: Connection) -> None:
    result = process_file(source, options)
    if (
        options.mode == MODE_WRITE
        and result.status == STATUS_UNCHANGED
        and source.digest
        and content_digest(read_source(source.real)) != source.digest
    ):
        # The worker that died had written this file (after its batch was migrated):
        # it changed in this run, though its findings died with that worker.
        result.status = STATUS_CHANGED
        result.written = True
    sender.send(result)
    sender.close()


def content_digest(data: bytes) -> bytes:
    import hashlib

    return hashlib.blake2b(data, digest_size=16).digest()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        import signal

        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


def write_support_file(support: SupportFile, mode: str, done: bool = False) -> FileResult | None:
    """Create (or update) a helper module the migrated code imports, unless it is current.

    Returns a result describing the file (``None`` when there is nothing to do). ``done``:
    the worker that migrated the file wrote it already (write mode), so only the result is
    needed.
    """
    from ..model import KIND_FIX, Finding
    from .placement import STATE_CREATE, STATE_UPDATE
    from .transform import support_module_source

    if support.state not in (STATE_CREATE, STATE_UPDATE):
        return None
    if not done and support.state == STATE_CREATE and os.path.lexists(support.real):
        return None  # created meanwhile (for another file of this run)
    stem = os.path.splitext(os.path.basename(support.real))[0]
    content = support_module_source(support.template)
    creating = support.state == STATE_CREATE
    result = FileResult(support.display, STATUS_CREATED if creating else STATUS_CHANGED)
    message = (
        f"adds the helper module `{stem}.py` used by the migrated code"
        if creating
        else f"updates the helper module `{stem}.py` to the current version"
    )
    if stem != support.template:
        message += (
            f" (`{support.template}.py` there is not the tool's helper: the code imports "
            f"`{stem}` as `{support.template}`)"
        )
    result.findings = [Finding(support.rule, KIND_FIX, 1, 1, message)]
    if mode == MODE_DIFF:
        from .diff import new_file_diff, unified_diff

        if creating:
            result.diff = new_file_diff(content, support.display)
        else:
            old = read_source(support.real).decode("utf-8", "replace")
            result.diff = unified_diff(old, content, support.display)
    elif mode == MODE_WRITE and done:
        result.written = True
    elif mode == MODE_WRITE:
        try:
            # Complete before its name appears: a killed run never leaves half a helper
            # module that the next run would take for finished.
            if not _write_helper(support):
                return None
        except OSError as exc:
            result.status = STATUS_ERROR
            result.error = f"cannot write helper module: {exc.strerror or exc}"
            return result
        result.written = True
    return result
