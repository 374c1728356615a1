"""The directory walk and file-kind test, with nothing but ``os``.

Shared by full discovery (``discovery.py``, which adds gitignore and excludes) and the
command line's fast path, which must answer for trees without HeyGen usage before loading
anything heavy. Kinds are decided by name alone.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..model import ProjectFacts

KIND_PYTHON = "python"
KIND_NOTEBOOK = "notebook"
KIND_DEPENDENCIES = "dependencies"
KIND_INVENTORY = "inventory"
KIND_CONFIG = "config"
MAX_CONFIG_BYTES = 256 * 1024
"""Larger JSON/INI/TOML files are data, not configuration: never changed (``engine/config_files.py``)."""
CONFIG_SUFFIXES = (".json", ".ini", ".cfg", ".toml")
"""Settings the project's code may load (``engine/config_files.py``); ``setup.cfg`` and
``pyproject.toml`` are manifests."""

SKIPPED_DIRECTORY_NAMES = frozenset(
    {"site-packages", "build", "dist", "node_modules", "__pycache__", "venv", "env", "virtualenv"}
)
# Hidden directories are skipped, except those where CI configuration lives (inventory only).
INVENTORY_HIDDEN_DIRECTORIES = frozenset({".github", ".gitlab", ".circleci"})

DEPENDENCY_NAMES = frozenset({"pyproject.toml", "setup.cfg"})
DEPENDENCY_PREFIXES_SUFFIXES = (
    ("requirements", ".txt"),
    ("requirements", ".in"),
    ("constraints", ".txt"),
)
INVENTORY_NAMES = frozenset({"package.json", ".env", "Dockerfile"})
INVENTORY_PREFIXES = (".env.", "Dockerfile.", "docker-compose")
INVENTORY_SUFFIXES = (
    ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".vue", ".svelte", ".env", ".dockerfile",
    ".md", ".rst", ".yml", ".yaml", ".html", ".htm",
)  # fmt: skip


def kind_of(path: str, inventory: bool = True) -> str | None:
    """Which processor handles the file, by its name; ``None`` for files we never read."""
    # A path ends with these suffixes exactly when its name does (no ``basename`` for the
    # files of every walked directory).
    if path.endswith(".py"):
        return KIND_PYTHON
    if path.endswith(".ipynb"):
        return KIND_NOTEBOOK
    name = os.path.basename(path)
    if name in DEPENDENCY_NAMES or any(
        name.startswith(prefix) and name.endswith(suffix)
        for prefix, suffix in DEPENDENCY_PREFIXES_SUFFIXES
    ):
        return KIND_DEPENDENCIES
    if inventory and name.endswith(CONFIG_SUFFIXES) and name not in INVENTORY_NAMES:
        return KIND_CONFIG  # settings the project's code loads (``engine/config_files.py``)
    if inventory and (
        name in INVENTORY_NAMES
        or name.startswith(INVENTORY_PREFIXES)
        or name.endswith(INVENTORY_SUFFIXES)
    ):
        return KIND_INVENTORY
    return None


def is_data_file(path: str) -> bool:
    """A JSON, INI or TOML file too large to be configuration (:data:`MAX_CONFIG_BYTES`): never changed
    and never read, so that a tree of data files costs one ``stat`` each (``False`` when
    the file cannot be stat'ed: reading it reports the problem)."""
    if not path.endswith(CONFIG_SUFFIXES) or kind_of(path) != KIND_CONFIG:
        return False
    try:
        return os.stat(path).st_size > MAX_CONFIG_BYTES
    except OSError:
        return False


def is_virtualenv(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))


def skip_directory(name: str, path: str, inventory: bool, check_virtualenv: bool = True) -> bool:
    hidden = name.startswith(".") and not (inventory and name in INVENTORY_HIDDEN_DIRECTORIES)
    return hidden or name in SKIPPED_DIRECTORY_NAMES or (check_virtualenv and is_virtualenv(path))


def loop_target(path: str, directory: str, top_real: str) -> str | None:
    """For a symbolic link to a directory: its target when it points back into its own ancestry."""
    target = os.path.realpath(path)
    if not os.path.isdir(target):
        return None
    prefix = target + os.sep
    if (top_real + os.sep).startswith(prefix) or (os.path.realpath(directory) + os.sep).startswith(
        prefix
    ):
        return target
    return None


TEMP_SUFFIX = ".h2l-tmp"
"""Temporary files of the atomic writer are ``.<name>.<pid>-<random>.h2l-tmp``."""

LOOP_PREFIX = "directory loop: symbolic link to "
"""Start of the message for a link back into its own ancestry: a skipped path, not an error."""


def is_temp_file(name: str) -> bool:
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


Listing = tuple[int, int, int, bool, tuple[str, ...], tuple[str, ...]]
"""A directory's ``(mtime_ns, ctime_ns, inode, is a virtualenv, file names, subdirectory
names)``: its files of a known kind and its subdirectories not skipped by name (both sorted,
as if ``inventory``), as they were when it was last listed."""


class DirectoryListings:
    """Listings of a project's directories, by real path, trusted while the directory's
    stat is unchanged: creating, removing or renaming an entry changes its directory's
    modification time (a file edited in place does not, but the walk only needs names).

    A directory modified within ``racy_ns`` of ``written_ns`` (when the listings were saved)
    is "racily clean" and listed again: an entry made in the same timestamp tick as the
    listing would not change the stat. Directories holding symbolic links or a writer's
    temporary files are never kept (those need the walk's checks every time)."""

    def __init__(
        self, known: dict[str, Listing] | None = None, written_ns: int = 0, racy_ns: int = 0
    ) -> None:
        self.known: dict[str, Listing] = known or {}
        self.fresh: dict[str, Listing] = {}
        self.trusted_before_ns = written_ns - racy_ns
        self.changed = False

    def get(self, real: str) -> Listing | None:
        try:
            status = os.stat(real)
        except OSError:
            return None
        listing = self.known.get(real)
        if (
            listing is None
            or listing[0] != status.st_mtime_ns
            or listing[1] != status.st_ctime_ns
            or listing[2] != status.st_ino
            or listing[0] >= self.trusted_before_ns
        ):
            return None
        self.fresh[real] = listing
        return listing


def _list_directory(directory: str) -> Listing | None:
    """A fresh listing (stat taken before the scan, so that a change during it shows next
    time), or ``None`` when the directory cannot be kept (see :class:`DirectoryListings`)."""
    try:
        status = os.stat(directory)
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
        files: list[str] = []
        subdirectories: list[str] = []
        virtualenv = False
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if not skip_directory(entry.name, entry.path, True, check_virtualenv=False):
                    subdirectories.append(entry.name)
            elif entry.is_symlink() or is_temp_file(entry.name):
                return None
            elif entry.is_file(follow_symlinks=False):
                if entry.name == "pyvenv.cfg":
                    virtualenv = True
                if kind_of(entry.name, True) is not None:
                    files.append(entry.name)
    except OSError:
        return None
    return (
        status.st_mtime_ns,
        status.st_ctime_ns,
        status.st_ino,
        virtualenv,
        tuple(files),
        tuple(subdirectories),
    )


def walk_files(
    top: str,
    inventory: bool = True,
    prune: Callable[[str], bool] | None = None,
    temp_files: list[str] | None = None,
    listings: DirectoryListings | None = None,
) -> Iterator[tuple[str, str, str]]:
    """Yield ``(path, real path, "")`` for each file to consider, ``(path, path, message)``
    for each problem.

    Entries come sorted, files before subdirectories, depth first. Symbolic links are never
    followed (one looping back into its own ancestry is reported), so a file's real path is
    the top's plus the same tail (no ``realpath`` per file: this runs for every file of a
    project). ``prune(path)`` returning True skips a directory (gitignore, excludes).
    Temporary files of the writer met on the way are appended to ``temp_files`` (a killed
    run may have left them). With ``listings``, a directory unchanged since it was last
    listed is not read again.
    """
    top_real = os.path.realpath(top)
    stack = [top]
    while stack:
        directory = stack.pop()
        real = (
            top_real
            if directory == top
            else os.path.join(top_real, directory[len(top) :].lstrip(os.sep))
        )
        prefix = directory if directory.endswith(os.sep) else directory + os.sep
        real_prefix = real if real.endswith(os.sep) else real + os.sep
        if listings is not None:
            # Keyed by real path (the walk follows no links: the top's plus the same tail).
            listing = listings.get(real)
            if listing is None:
                listing = _list_directory(directory)
                if listing is not None:
                    listings.fresh[real] = listing
                    listings.changed = True
            if listing is not None:
                if listing[3] and directory != top:
                    continue  # a virtualenv (the plain walk skips it from its parent)
                for name in listing[4]:
                    if inventory or name.endswith(".py") or kind_of(name, False) is not None:
                        yield prefix + name, real_prefix + name, ""
                for name in reversed(listing[5]):
                    path = prefix + name
                    hidden = not inventory and name.startswith(".")
                    if not hidden and (prune is None or not prune(path)):
                        stack.append(path)
                continue
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            yield directory, directory, f"cannot read directory: {exc.strerror or exc}"
            continue
        subdirectories: list[str] = []
        for entry in entries:
            path = entry.path
            try:
                if entry.is_dir(follow_symlinks=False):
                    if skip_directory(entry.name, path, inventory):
                        continue
                    if prune is None or not prune(path):
                        subdirectories.append(path)
                elif entry.is_symlink():
                    target = loop_target(path, directory, top_real)
                    if target is not None:
                        yield path, path, f"{LOOP_PREFIX}{target}"
                elif temp_files is not None and is_temp_file(entry.name):
                    temp_files.append(path)
                elif (
                    entry.is_file(follow_symlinks=False)
                    and kind_of(entry.name, inventory) is not None
                ):
                    yield path, real_prefix + entry.name, ""
            except OSError as exc:
                yield path, path, f"cannot stat: {exc.strerror or exc}"
        stack.extend(reversed(subdirectories))


def declares_dependencies(path: str) -> bool:
    """A requirements file, ``pyproject.toml``, ``setup.cfg`` or ``setup.py``."""
    return kind_of(path) == KIND_DEPENDENCIES or os.path.basename(path) == "setup.py"


def names_used_framework(path: str, data: bytes | str, project: ProjectFacts | None) -> bool:
    """A dependency declaration naming a framework whose HeyGen integration the run's code
    imports: its pin may need raising though it mentions no HeyGen word."""
    if project is None or not project.framework_packages or not declares_dependencies(path):
        return False
    lowered = (data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data).lower()
    return any(package.encode() in lowered for package in project.framework_packages)


# How far past ``opener(`` a literal argument is looked for: a call's first few arguments.
_CALL_WINDOW = 400


def calls_id_opener(path: str, data: bytes | str, project: ProjectFacts | None) -> bool:
    """A module that may pass a literal to a project opener's id parameter
    (``ProjectFacts.id_parameters``): ``client.new_session(key, "Wayne_20240711")`` in a
    ``main.py`` naming no HeyGen word chooses a HeyGen avatar, marked at that call.

    Byte searches only (the pre-filter's kind of test, made once the project's openers are
    known): one search for any opener's name as a whole word followed by ``(``, not after
    ``def``; then a quote shortly after, and for a method its class named in the module (see
    :func:`_opener_calls`). A false positive costs one parse of a file the rules then leave
    unchanged."""
    if project is None or not project.id_parameters or not path.endswith(".py"):
        return False
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    pattern, owners, needles = _opener_calls(project.id_parameters)
    if pattern is None or not any(needle in raw for needle in needles):
        return False
    for match in pattern.finditer(raw):
        if _literal_call(raw, match):
            classes = owners[match.group(1)]
            if b"" in classes or any(owner in raw for owner in classes):
                return True
    return False


def _literal_call(raw: bytes, match: re.Match[bytes]) -> bool:
    """Whether a name matched in front of ``(`` is a call with a quote shortly after: not
    part of a longer name (the word test), not a definition."""
    start = match.start()
    before = raw[start - 1 : start] if start else b""
    if before.isalnum() or before == b"_" or raw[start - 4 : start] == b"def ":
        return False
    rest = raw[match.end() : match.end() + _CALL_WINDOW]
    return b'"' in rest or b"'" in rest


_CALLED_NAME = re.compile(rb"\b([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(")


def quoted_call_names(data: bytes) -> set[bytes]:
    """The names a module calls as :func:`calls_id_opener` sees calls, with a quote shortly
    after: the module may pass a literal to an opener only if the opener's name is one of
    them (kept by the stat cache, so that a later run tests a module it did not re-read)."""
    return {match.group(1) for match in _CALLED_NAME.finditer(data) if _literal_call(data, match)}


def opener_names(project: ProjectFacts) -> tuple[bytes, ...]:
    """The names a call of one of the project's openers spells (see :func:`_opener_calls`)."""
    _pattern, owners, _needles = _opener_calls(project.id_parameters)
    return tuple(owners)


@functools.lru_cache(maxsize=8)
def _opener_calls(
    id_parameters: tuple[tuple[str, str, int, str], ...],
) -> tuple[re.Pattern[bytes] | None, dict[bytes, frozenset[bytes]], tuple[bytes, ...]]:
    """One pattern for a call of any of the project's openers, the classes each name is a
    method of (``b""``: a module function), as
    :func:`..analysis.session_values.foreign_id_arguments` reads them: a method counts only
    where the module names its class (``Kiosk(key).open(...)``, never a builtin
    ``open(path)`` alone); ``__init__`` never (``Avatar(...)`` does not spell it); and the
    fewest names every opener's name contains (``open`` for ``open_session``).

    The pattern has no word-boundary test in front (the caller makes it): a pattern that
    starts with a look-behind is tried at every byte, one that starts with a name only where
    a name's first letter is; and most modules contain none of the needles, which one
    ``in`` each rules out before any pattern runs (the opener test costs a fifth of a
    whole-project run's facts otherwise)."""
    owners: dict[bytes, set[bytes]] = {}
    for qualified, _parameter, _position, _key in id_parameters:
        owner, _, name = qualified.rpartition(".")
        if name != "__init__":
            owners.setdefault(name.encode(), set()).add(owner.rpartition(".")[2].encode())
    if not owners:
        return None, {}, ()
    names = b"|".join(re.escape(name) for name in sorted(owners, key=len, reverse=True))
    pattern = re.compile(rb"(" + names + rb")[ \t]*\(")
    needles: list[bytes] = []
    for called in sorted(owners, key=len):
        if not any(needle in called for needle in needles):
            needles.append(called)
    return pattern, {name: frozenset(classes) for name, classes in owners.items()}, tuple(needles)


def calls_dispatch_helper(path: str, data: bytes | str, project: ProjectFacts | None) -> bool:
    """A module calling one of the project's dispatch helpers (``ProjectFacts.dispatch_helpers``)
    with a literal streaming action, and naming the helper's class (or function), as an import
    of it does: ``self.gw.call("new", body)`` in a ``sessions.py`` that imports ``ApiGateway``
    from the module building ``"/v1/streaming." + name`` names no HeyGen word, yet its calls
    are what must migrate (:func:`..analysis.dispatch_helpers.dispatch_helpers` reads them).

    Byte searches only: a helper's name first, then the calls naming an action
    (:func:`.dispatch_facts.dispatch_calls`)."""
    if project is None or not project.dispatch_helpers or not path.endswith(".py"):
        return False
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    named = [
        (name, owner or name)
        for name, owner, _position, _parameter in project.dispatch_helpers
        if name.encode() in raw and (owner or name).encode() in raw
    ]
    if not named:
        return False
    from .dispatch_facts import dispatch_calls

    called = {call.partition(":")[0] for call in dispatch_calls(raw)}
    return any(name in called for name, _imported in named)


def dispatch_helper_names(project: ProjectFacts) -> tuple[bytes, ...]:
    """The names a call of one of the project's dispatch helpers spells."""
    return tuple(name.encode() for name, *_where in project.dispatch_helpers)


def imports_url_constant(path: str, data: bytes | str, project: ProjectFacts | None) -> bool:
    """A module importing, from the module defining it, a constant the project facts know to
    hold a whole streaming URL (``ProjectFacts.url_constants``): ``avatar.py`` doing
    ``from .urls import NEW_URL, TASK_URL`` and posting to them names no HeyGen word, yet its
    requests are what must migrate (the resolver reads the constants' text from the facts).

    Also ``from . import urls`` (or ``import app.urls as urls``) read as ``urls.NEW_URL``, and
    ``from .urls import *`` read as ``NEW_URL``. Byte searches only: a constant's name first
    (most modules name none), then the imports naming its module."""
    if project is None or not project.url_constants or not path.endswith((".py", ".ipynb")):
        return False
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    wanted = _url_constant_owners(project.url_constants)
    present = [(name, owners) for name, owners in wanted if name in raw]
    if not present or b"import" not in raw:
        return False
    if path.endswith(".ipynb"):
        # A notebook's cells import them (``from workshop_api import api, KB_LIST``): the
        # statements are read in the cells' code, not in the JSON that quotes it.
        raw = notebook_code(raw)
    for match in _IMPORT_STATEMENT.finditer(raw):
        source, clause, plain = match.group("source"), match.group("clause"), match.group("plain")
        if plain is not None:
            # ``import app.urls`` / ``import app.urls as urls``: read as ``<alias>.NAME``
            for item in plain.split(b","):
                module, _, alias = item.strip().partition(b" as ")
                module, alias = module.strip(), alias.strip() or module.strip()
                if any(
                    _names_module(owners, module) and alias + b"." + name in raw
                    for name, owners in present
                ):
                    return True
            continue
        clause = clause.strip().strip(b"()")
        names = {item.strip().partition(b" as ")[0].strip() for item in clause.split(b",")} - {b""}
        module = source.lstrip(b".")
        for name, owners in present:
            if _names_module(owners, module) and (name in names or b"*" in names):
                return True
            # ``from . import urls`` / ``from app import urls``: ``urls.NAME``
            for imported in names:
                dotted = module + b"." + imported if module else imported
                if _names_module(owners, dotted) and imported + b"." + name in raw:
                    return True
    return False


def notebook_code(data: bytes) -> bytes:
    """The code cells of a notebook, one after another (``b""`` when it is no notebook)."""
    import json

    try:
        cells = json.loads(data).get("cells", [])
    except (ValueError, AttributeError, RecursionError, UnicodeDecodeError):
        return b""
    parts: list[str] = []
    for cell in cells if isinstance(cells, list) else []:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            parts.append("".join(source) if isinstance(source, list) else str(source))
    return "\n".join(parts).encode("utf-8", "surrogatepass")


def may_send_imported_constant(data: bytes) -> bool:
    """Whether a module without HeyGen words may send a URL constant it imports
    (``requests.post(NEW_URL, ...)``, ``post(urls.NEW_URL)``, ``get(url=Urls.NEW)``): which
    constants hold a streaming URL, only the project's facts tell (:func:`imports_url_constant`),
    so a partial run reads its project's facts for such a module. Byte searches only."""
    if b"import" not in data:
        return False
    if _SENT_CONSTANT.search(data) is not None:
        return True
    return b"url" in data and _URL_CONSTANT.search(data) is not None


# An upper-case name (or one read on a name) first in a call (or after a method), or given
# as ``url=``: two patterns, each starting with a literal (which ``re`` looks for before trying the rest; an
# alternation in front made the search three times slower on files that have no match).
_CONSTANT = rb"[ \t\n]*(?:[A-Za-z_]\w*\.)?[A-Z][A-Z0-9_]+\b"
# ``request("GET", KB_LIST)``: after an HTTP method, the URL is the second argument.
_METHOD_FIRST = rb"(?:[ \t\n]*[\"'][A-Za-z]{3,7}[\"'][ \t]*,)?"
_SENT_CONSTANT = re.compile(rb"\(" + _METHOD_FIRST + _CONSTANT)
_URL_CONSTANT = re.compile(rb"url[ \t]*=" + _CONSTANT)


# ``from .urls import (A, B)`` (the clause up to the closing parenthesis, or the rest of the
# line) and ``import app.urls as urls``, at a line start.
_IMPORT_STATEMENT = re.compile(
    rb"(?m)^[ \t]*(?:from[ \t]+(?P<source>[\w.]+)[ \t]+import[ \t]+(?P<clause>\([^)]*\)|[^#\n]*)"
    rb"|import[ \t]+(?P<plain>[\w., \t]+))"
)


def _names_module(owners: frozenset[bytes], module: bytes) -> bool:
    """Whether an import of ``module`` (dotted, leading dots stripped) may name one of the
    modules ``owners`` (dotted from their paths, of which an import spells a suffix), as
    :func:`..analysis.imported_constants.imported_constant` matches them."""
    if not module:
        return False
    return any(not owner or owner == module or owner.endswith(b"." + module) for owner in owners)


@functools.lru_cache(maxsize=8)
def _url_constant_owners(
    url_constants: tuple[tuple[str, str, str], ...],
) -> tuple[tuple[bytes, frozenset[bytes]], ...]:
    """Each name a module imports to read one of ``url_constants`` (``Urls`` for ``Urls.NEW``,
    ``ENDPOINTS`` for ``ENDPOINTS[new]``) -> the modules defining it (``b""``: not known,
    any module may)."""
    owners: dict[bytes, set[bytes]] = {}
    for module, name, _text in url_constants:
        imported = name.partition(".")[0].partition("[")[0]
        if imported:
            owners.setdefault(imported.encode(), set()).add(module.encode())
    return tuple((name, frozenset(modules)) for name, modules in sorted(owners.items()))


def url_constant_names(project: ProjectFacts) -> tuple[bytes, ...]:
    """The names a module imports to read one of the project's URL constants."""
    return tuple(name for name, _owners in _url_constant_owners(project.url_constants))


def admitted_by_project(path: str, data: bytes | str, project: ProjectFacts | None) -> bool:
    """A file the pre-filter rejects that the project's facts still concern (a dependency
    declaration of a used framework, a module passing a literal id to a project opener,
    calling a project dispatch helper or importing a project URL constant)."""
    return (
        names_used_framework(path, data, project)
        or calls_id_opener(path, data, project)
        or calls_dispatch_helper(path, data, project)
        or defines_token_model(path, data, project)
        or imports_url_constant(path, data, project)
    )


def defines_token_model(path: str, data: bytes | str, project: ProjectFacts | None) -> bool:
    """A module defining a class that a ``streaming.new`` request elsewhere names as the model
    its generic request helper parses the response into (``ProjectFacts.token_response_models``:
    ``models.py`` of a generated client, which names no HeyGen word): a byte search for
    ``class Name`` followed by ``(`` or ``:``."""
    if project is None or not project.token_response_models or not path.endswith(".py"):
        return False
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if b"class " not in raw:
        return False
    names = b"|".join(re.escape(name.encode()) for name in sorted(project.token_response_models))
    return re.search(rb"(?m)^[ \t]*class[ \t]+(?:" + names + rb")[ \t]*[(:]", raw) is not None


def project_root(path: str) -> str | None:
    """The project a file belongs to: the nearest directory above it holding a
    ``pyproject.toml`` or a ``.git`` (the work tree's root); ``None`` outside any project."""
    current = os.path.dirname(os.path.abspath(path))
    while True:
        if os.path.isfile(os.path.join(current, "pyproject.toml")) or os.path.lexists(
            os.path.join(current, ".git")
        ):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def inside_any(real: str, directories: Sequence[str]) -> bool:
    """Whether the real path ``real`` is one of ``directories`` (real paths) or below one."""
    return any(real == d or real.startswith(d.rstrip(os.sep) + os.sep) for d in directories)
