"""Where the helper module goes, under which name, and how a migrated file imports it.

One copy per *import root*: the top-level package of a module inside a package (a chain of
directories with ``__init__.py``, or a namespace package, recognised by its modules' relative
imports), else the folder of the loose script or notebook. The import follows the project's own
style: relative (``from .. import liveavatar_bridge``) where the package's modules import each
other relatively, absolute (``from app import liveavatar_bridge``) where they use absolute
imports of the package, plain (``import liveavatar_bridge``) beside scripts.

The helper is recognised by the version marker on its first line, never by its name: a user's
own ``liveavatar_bridge.py`` is left alone and the helper takes another name
(``liveavatar_helper.py``, then numbered), imported under the name the rules call it by.

Everything here reads the file system only, so a file migrated in a partial run gets exactly
the import a whole-project run gives it.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

from ..model import HelperImport

HELPER_VERSION = 5
HELPER_MARKER = re.compile(rb"# heygen2liveavatar helper: v(\d+)")
# The first helper (v1) carried no marker line; its docstring said this.
V1_HELPER_MARK = b"heygen2liveavatar wrote this module"

STATE_PRESENT = "present"
"""The current helper is there already."""
STATE_CREATE = "create"
STATE_UPDATE = "update"
"""A helper with an older marker is there: it is replaced in place."""

_ALTERNATIVE_NAMES = ("liveavatar_helper", *(f"liveavatar_helper{n}" for n in range(2, 100)))
# Directories never part of a package walk (same spirit as discovery's skip list).
_SKIPPED_DIRS = frozenset(
    {"__pycache__", "node_modules", "site-packages", "build", "dist", "venv", ".venv"}
)
# Imports of the helper itself are not counted: a second run must decide as the first did.
_RELATIVE_IMPORT = re.compile(rb"^[ \t]*from[ \t]+(\.+)(?![^\n]*\bliveavatar_)", re.MULTILINE)
_ABSOLUTE_IMPORT = rb"^[ \t]*(?:from|import)[ \t]+%s(?:[ \t.]|$)(?![^\n]*\bliveavatar_)"
# Enough of a package's modules to see its import style without reading a huge tree.
_STYLE_SAMPLE = 400


def helper_version(head: bytes) -> int | None:
    """The helper version marked in the first bytes of a file; ``None`` when not a helper."""
    match = HELPER_MARKER.search(head[:1024])
    if match is not None:
        return int(match.group(1))
    return 1 if V1_HELPER_MARK in head[:1024] else None


@dataclass(frozen=True)
class Placement:
    """Where the helper for one migrated file lives and how that file imports it."""

    directory: str
    """Real path of the import root."""
    levels_up: int
    """How many directories above the migrated file's directory the root is."""
    stem: str
    """File name without ``.py`` (``liveavatar_bridge`` unless that name is taken)."""
    state: str
    importer: HelperImport

    @property
    def path(self) -> str:
        return os.path.join(self.directory, f"{self.stem}.py")


def place_helper(path: str, name: str, notebook: bool = False) -> Placement:
    """The placement of helper ``name`` (``templates/<name>.py``) for the file at ``path``."""
    directory = os.path.dirname(os.path.abspath(path))
    top = None if notebook else top_package(directory)
    if top is None:
        root = _function_root(directory)
        stem, state = choose_stem(root, name)
        levels = 0 if root == directory else 1
        return Placement(root, levels, stem, state, HelperImport(None, stem, name))
    levels = _depth(top, directory)
    stem, state = choose_stem(top, name)
    absolute = package_style(top) == "absolute"
    package = os.path.basename(top) if absolute else "." * (levels + 1)
    return Placement(top, levels, stem, state, HelperImport(package, stem, name))


# Markers of a Vercel project: its Python functions live in ``api/`` and are loaded by path with
# the project root on ``sys.path``, and every ``.py`` file in ``api/`` becomes a function itself.
_VERCEL_MARKERS = ("vercel.json", ".vercel")
_VERCEL_FUNCTIONS_DIR = "api"


def _function_root(directory: str) -> str:
    """Where a loose module's helper goes: its own folder, except in a serverless functions
    folder (Vercel's ``api/``), whose modules import from the project root; a helper in
    ``api/`` would neither be importable by its plain name nor stay out of the deployed routes."""
    if os.path.basename(directory) != _VERCEL_FUNCTIONS_DIR:
        return directory
    parent = os.path.dirname(directory)
    if any(os.path.exists(os.path.join(parent, marker)) for marker in _VERCEL_MARKERS):
        return parent
    return directory


def choose_stem(directory: str, name: str) -> tuple[str, str]:
    """The helper's file name in ``directory`` and whether it must be created or updated.

    An existing helper (any version) wins over a free name, so a project keeps one copy.
    """
    older: str | None = None
    for stem in (name, *_ALTERNATIVE_NAMES):
        candidate = os.path.join(directory, f"{stem}.py")
        if not os.path.lexists(candidate):
            if os.path.exists(os.path.join(directory, stem)):
                continue  # a package or directory of that name
            return (older, STATE_UPDATE) if older is not None else (stem, STATE_CREATE)
        version = helper_version(_head(candidate)) if os.path.isfile(candidate) else None
        if version == HELPER_VERSION:
            return stem, STATE_PRESENT
        if version is not None and version < HELPER_VERSION and older is None:
            older = stem
    return (older, STATE_UPDATE) if older is not None else (name, STATE_PRESENT)


def _head(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(1024)
    except OSError:
        return b""


@functools.lru_cache(maxsize=1024)
def _directory_facts(directory: str) -> tuple[bool, int]:
    """(has ``__init__.py``, deepest relative import of its modules: 0 when none)."""
    has_init = os.path.isfile(os.path.join(directory, "__init__.py"))
    deepest = 0
    for data in _module_sources(directory):
        for match in _RELATIVE_IMPORT.finditer(data):
            deepest = max(deepest, len(match.group(1)))
    return has_init, deepest


def _module_sources(directory: str) -> list[bytes]:
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return []
    sources = []
    for entry in names:
        path = os.path.join(directory, entry)
        # Regular files only: a FIFO named ``x.py`` would block the read forever.
        if entry.endswith(".py") and os.path.isfile(path):
            try:
                with open(path, "rb") as handle:
                    sources.append(handle.read())
            except OSError:
                continue
    return sources


@functools.lru_cache(maxsize=1024)
def top_package(directory: str) -> str | None:
    """The top-level package directory containing ``directory``; ``None`` for scripts.

    A directory is a package when it has ``__init__.py`` or its modules import relatively
    (a namespace package); ``from .. import x`` also makes the parent one. A directory whose
    name is not an identifier cannot be a package.
    """
    top = None
    implied = 0  # levels above the current directory that relative imports below require
    current = directory
    while os.path.basename(current).isidentifier():
        has_init, deepest = _directory_facts(current)
        if not (has_init or deepest or implied > 0):
            break
        top = current
        implied = max(implied - 1, deepest - 1)
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    return top


@functools.lru_cache(maxsize=256)
def package_style(top: str) -> str:
    """``relative`` or ``absolute``: how the modules of package ``top`` import each other."""
    absolute_import = re.compile(_ABSOLUTE_IMPORT % re.escape(os.path.basename(top)).encode(), re.M)
    relative = absolute = 0
    seen = 0
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
        for data in _module_sources(root):
            relative += len(_RELATIVE_IMPORT.findall(data))
            absolute += len(absolute_import.findall(data))
        seen += sum(1 for f in files if f.endswith(".py"))
        if seen >= _STYLE_SAMPLE:
            break
    # Relative imports work wherever the package is imported from (a src layout, a vendored
    # copy), so they are the choice unless the package clearly prefers absolute ones.
    return "absolute" if absolute > relative else "relative"


def _depth(top: str, directory: str) -> int:
    relative = os.path.relpath(directory, top)
    return 0 if relative == "." else len(relative.split(os.sep))


def clear_caches() -> None:
    """Forget what was read (tests that change a tree between runs in one process)."""
    _directory_facts.cache_clear()
    top_package.cache_clear()
    package_style.cache_clear()
