"""Runs the migration over many files: pre-filter in the parent, real work in workers.

Data flows one way: path -> bytes -> pre-filter -> (worker) decode, parse, rules, verify
-> write or diff -> :class:`FileResult`, streamed back in input order.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable

from ..model import HelperImport, MigrationError, ProjectFacts
from .walk import declares_dependencies, names_used_framework

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

    from ..rules.base import RuleClass
from .._prefilter import may_contain_heygen
from .diff import unified_diff
from .discovery import DiscoveryError, SourceFile
from .filekinds import (
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


def _rules_for(codes: tuple[str, ...] | None) -> tuple[RuleClass, ...]:
    from ..rules import ALL_RULES, RULES_BY_CODE

    if codes is None:
        return ALL_RULES
    return tuple(RULES_BY_CODE[code] for code in codes)


def read_source(path: str) -> bytes:
    """The file's bytes; a path that became a FIFO or device since discovery is refused
    instead of blocking the run (``O_NONBLOCK`` opens a FIFO without a writer at once)."""
    import errno
    import stat

    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return handle.read()


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
        relevant = may_contain_heygen(data) or names_used_framework(
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
        migration = _migrate_with_stack_retry(decoded.text, source.display, options, helper)
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
    if new_data == data:
        return result
    result.status = STATUS_CHANGED
    if options.mode == MODE_WRITE:
        if deferred is not None:
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
    from .inventory import scan_inventory

    return scan_inventory(data, display, rules)


def _migrate_with_stack_retry(
    text: str, filename: str, options: RunOptions, helper: HelperImport | None
) -> MigrationResult:
    """LibCST recurses per nesting level; deeply nested files get one retry with more stack."""
    from .transform import migrate_text

    rules = _rules_for(options.rule_codes)
    try:
        return migrate_text(text, filename, rules, project=options.project, helper=helper)
    except MigrationError as exc:
        if "recursion" not in exc.message and "deeply nested" not in exc.message:
            raise
    import threading

    outcome: list[object] = []

    def run() -> None:
        old_limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old_limit, 20000))
        try:
            outcome.append(
                migrate_text(text, filename, rules, project=options.project, helper=helper)
            )
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


def _worker_process(batch: list[SourceFile], options: RunOptions) -> list[FileResult]:
    """Migrate a batch, then write it: a worker that dies while migrating (a crash, the OOM
    killer) has written nothing, so the files it leaves are redone from their original
    content and reported as what they are."""
    deferred: list[PendingWrite] = []
    results = [_process_between_collections(source, options, deferred) for source in batch]
    for result, source, new_data, data in deferred:
        write_result(result, source, new_data, data)
    return results


def _batches(files: Sequence[SourceFile], jobs: int) -> list[list[SourceFile]]:
    """Consecutive files in batches of about equal work (source bytes), so that workers
    finish together: at most MAX_CHUNK files, at most BATCH_BYTES (one file at least), and
    at least four batches a worker when there are enough files."""
    per_batch = max(1, min(MAX_CHUNK, len(files) // (jobs * 4) or 1))
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
) -> Iterator[FileResult]:
    """Yield one result per discovered file, in discovery order.

    The parent reads every file and applies the pre-filter, so a tree with no HeyGen usage
    never starts a worker or imports LibCST; the candidates are migrated in-process or in a
    process pool, and all results are yielded in the order the files were found.
    """
    from .placement import clear_caches

    clear_caches()  # the tree may have changed since an earlier run in this process
    ordered: list[tuple[int, FileResult | SourceFile]] = []
    candidates: list[SourceFile] = []
    uses_streaming = False
    uses_other_apis = False
    streaming_names: set[str] = set()
    other_names: set[str] = set()
    session_facts = dict.fromkeys(("opens", "text", "chat", "audio", "context"), False)
    openers: set[str] = set()
    wrappers: dict[str, tuple[str, int]] = {}
    alias_edges: list[tuple[str, set[str]]] = []
    key_names: set[str] = set()
    definitions: set[str] = set()
    framework_packages: set[str] = set()
    # Dependency declarations that mention no HeyGen word: they still name a framework whose
    # HeyGen integration other files may import (``pipecat-ai==0.0.97``), known after the scan.
    declarations: list[tuple[int, SourceFile, bytes]] = []
    imported_names: set[str] = set()
    for position, item in enumerate(items):
        if isinstance(item, DiscoveryError):
            if item.skipped:
                skipped = FileResult(item.display, STATUS_UNCHANGED, skipped=item.message)
                ordered.append((position, skipped))
            else:
                failed = FileResult(item.display, STATUS_ERROR, error=item.message)
                ordered.append((position, failed))
            continue
        try:
            data = read_source(item.real)
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
        imported_names.update(_imported_names(data))
        if not may_contain_heygen(data):
            if declares_dependencies(item.real):
                declarations.append((len(ordered), item, data))
            ordered.append((position, FileResult(item.display, STATUS_UNCHANGED)))
        else:
            item = replace(item, digest=content_digest(data), size=len(data))
            ordered.append((position, item))
            candidates.append(item)
            if is_own_report(data) or is_generated_helper(data):
                # A saved report quotes HeyGen calls, the helper describes them: neither is
                # code of the project, so neither says anything about its session flow.
                if on_scanned is not None:
                    on_scanned(position + 1)
                continue
            from ..apispec import (
                HAS_CONTEXT_PATTERN,
                OPENS_SESSION_PATTERN,
                OTHER_API_BASE_PATTERN,
                OTHER_HEYGEN_API_PATTERN,
                SENDS_AUDIO_PATTERN,
                SENDS_CHAT_PATTERN,
                SENDS_TEXT_PATTERN,
                STREAMING_BASE_PATTERN,
                STREAMING_PATH_PATTERN,
            )

            lowered = data.lower()
            if STREAMING_PATH_PATTERN.search(lowered) is not None and item.real.endswith(".py"):
                # Comments, docstrings and log text name endpoints without using them.
                from ..analysis.mentions import code_text

                code = code_text(data)
                if code is not None:
                    lowered = code.lower()
            if STREAMING_PATH_PATTERN.search(lowered) is not None:
                uses_streaming = True
                key_names.update(_names_of(_KEY_HEADER_VALUE, data))
                definitions.update(_names_of(_DEFINITION, data))
            uses_other_apis = (
                uses_other_apis or OTHER_HEYGEN_API_PATTERN.search(lowered) is not None
            )
            streaming_names.update(_base_names(STREAMING_BASE_PATTERN, data))
            for fact, pattern in (
                ("opens", OPENS_SESSION_PATTERN),
                ("text", SENDS_TEXT_PATTERN),
                ("chat", SENDS_CHAT_PATTERN),
                ("audio", SENDS_AUDIO_PATTERN),
                ("context", HAS_CONTEXT_PATTERN),
            ):
                session_facts[fact] = session_facts[fact] or pattern.search(lowered) is not None
            from ..apispec.frameworks import FRAMEWORK_IMPORT_PACKAGES

            framework_packages.update(
                package for pattern, package in FRAMEWORK_IMPORT_PACKAGES if pattern.search(data)
            )
            from .project_facts import file_facts

            found = file_facts(data)
            openers.update(found.openers)
            for name, body in found.wrappers.items():
                wrappers.setdefault(name, body)
            alias_edges.extend(found.aliases)
            other_names.update(_base_names(OTHER_API_BASE_PATTERN, data))
        if on_scanned is not None:
            on_scanned(position + 1)
    if alias_edges:
        from .project_facts import expand_base_names

        streaming_names = expand_base_names(streaming_names, alias_edges)
    facts = ProjectFacts(
        uses_streaming,
        uses_other_apis,
        frozenset(streaming_names),
        frozenset(other_names),
        streaming_key_names=frozenset(key_names),
        streaming_definitions=frozenset(definitions),
        imported_names=frozenset(imported_names),
        opens_sessions=session_facts["opens"],
        sends_text=session_facts["text"],
        sends_chat=session_facts["chat"],
        sends_audio=session_facts["audio"],
        has_context=session_facts["context"],
        session_openers=frozenset(openers),
        wrapper_bodies=tuple((name, *body) for name, body in sorted(wrappers.items())),
        framework_packages=frozenset(framework_packages),
    )
    if framework_packages and declarations:
        for at, item, data in declarations:
            if names_used_framework(item.real, data, facts):
                position, _unchanged = ordered[at]
                ordered[at] = (
                    position,
                    replace(item, digest=content_digest(data), size=len(data)),
                )
        candidates = [entry for _position, entry in ordered if isinstance(entry, SourceFile)]
    options = replace(options, project=facts)
    migrated = _migrate_all(candidates, options)
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


# ``"x-api-key": settings.HEYGEN_KEY`` (any spelling of the header) and ``class Client`` /
# ``def make_client`` in files that call streaming endpoints: which settings and callables of
# other files hand a key to HeyGen (see ``ProjectFacts.streaming_key_names``).
_KEY_HEADER_VALUE = re.compile(rb"""(?i)["']x-api-key["']\s*:\s*(?P<name>[A-Za-z_][\w.]*)""")
_DEFINITION = re.compile(rb"(?m)^[ \t]*(?:async[ \t]+)?(?:class|def)[ \t]+(?P<name>[A-Za-z_]\w*)")


# ``from urls import TASK_URL, STOP_URL`` and ``urls.TASK_URL``: module constants other code
# may read (see ``ProjectFacts.imported_names``).
_FROM_IMPORT = re.compile(
    rb"(?m)^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+\(?([^)#\n]*(?:\n[^)#]*)?)"
)
_UPPER_ATTRIBUTE = re.compile(rb"\.([A-Z_][A-Z0-9_]*)\b")
_IMPORTED_NAME = re.compile(rb"([A-Za-z_]\w*)(?:[ \t]+as[ \t]+\w+)?")


def _imported_names(data: bytes) -> set[str]:
    names: set[bytes] = set()
    if b"import" in data:
        for match in _FROM_IMPORT.finditer(data):
            names.update(m.group(1) for m in _IMPORTED_NAME.finditer(match.group(1)))
    names.update(_UPPER_ATTRIBUTE.findall(data))
    return {name.decode("ascii", "replace") for name in names}


def _names_of(pattern: re.Pattern[bytes], data: bytes) -> set[str]:
    return {
        match.group("name").rsplit(b".", 1)[-1].decode("ascii", "replace")
        for match in pattern.finditer(data)
    }


def _base_names(pattern: re.Pattern[bytes], data: bytes) -> set[str]:
    """Last components of the names written in front of matching paths (``config.BASE`` -> ``BASE``)."""
    names: set[str] = set()
    for match in pattern.finditer(data):
        raw = match.group("fname") or match.group("cname") or match.group("jname")
        if raw:
            names.add(raw.rsplit(b".", 1)[-1].decode("ascii", "replace"))
    return names


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
    enabled = gc.isenabled()
    gc.disable()
    try:
        return process_file(source, options, deferred=deferred)
    finally:
        if enabled:
            gc.enable()


def _worker_setup() -> None:
    """Pool initializer for spawned workers (forked ones inherit the parent's state)."""
    _rules_for(None)
    gc.freeze()


def _migrate_all(candidates: list[SourceFile], options: RunOptions) -> Iterator[FileResult]:
    if not candidates:
        return
    pooled = options.jobs > 1 and len(candidates) >= MIN_FILES_FOR_POOL
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


def _migrate_pooled(candidates: list[SourceFile], options: RunOptions) -> Iterator[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    batches = _batches(candidates, options.jobs)
    workers = min(options.jobs, len(batches))
    # A sliding window of submitted batches: workers always have work queued, but results
    # (diffs included) that the consumer has not taken yet stay bounded, and a consumed
    # batch's future is dropped, so memory does not grow with the number of files.
    window = workers * 4
    initializer = None if method == "fork" else _worker_setup
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=initializer
    ) as pool:
        futures: list[Future[list[FileResult]] | None] = []
        broken = False
        for index, batch in enumerate(batches):
            while not broken and len(futures) < min(len(batches), index + window):
                try:
                    futures.append(pool.submit(_worker_process, batches[len(futures)], options))
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
