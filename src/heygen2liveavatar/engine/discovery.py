"""Which files a run looks at: the contract's walk rules, gitignore, excludes and symlinks."""

from __future__ import annotations

import fnmatch
import os
import stat
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .walk import (
    LOOP_PREFIX,
    DirectoryListings,
    inside_any,
    is_temp_file,
    walk_files,
)


@dataclass(frozen=True)
class SourceFile:
    """A file to process: how to show it, and where to read and write it."""

    display: str
    """The path as given or found (relative paths stay relative)."""
    real: str
    """Resolved path used for I/O (a symlink given explicitly is followed)."""
    explicit: bool = False
    digest: bytes = b""
    """Hash of the content the run's pre-filter read (candidates only): tells a retry
    whether a worker that died had already written the file."""
    size: int = 0
    """Bytes the pre-filter read (candidates only): how batches for workers are cut."""
    nesting: tuple[int, int] | None = None
    """The content's deepest nesting, when the project facts measured it (``engine.nesting``):
    the engine then skips its own measuring parse, if the file still has that ``digest``."""
    layout: str | None = None
    """Its top-level statements as the project facts read them (``engine.reduction``, as
    JSON text: decoded by the worker that migrates the file), for the engine to leave
    unrelated ones out without parsing, if the file still has that ``digest``."""


@dataclass(frozen=True)
class DiscoveryError:
    display: str
    message: str
    skipped: bool = False
    """Not an error: a path the walk leaves alone on purpose (a symbolic link looping back
    into its ancestry). Reported as skipped; the exit status does not count it."""


def find_git_root(start: Path) -> Path | None:
    # ``os.path`` answers False where it may not look; ``Path.exists`` raises there.
    current = start if os.path.isdir(start) else start.parent
    for candidate in (current, *current.parents):
        if os.path.exists(candidate / ".git"):
            return candidate
    return None


class GitIgnore:
    """Paths git ignores below a work tree, asked once per work tree."""

    def __init__(self) -> None:
        self._cache: dict[Path, tuple[frozenset[str], tuple[str, ...], frozenset[str]]] = {}
        self._absolute_directories: dict[str, str] = {}

    def _load(self, root: Path) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
        """Git's ignored files, its ignored directories (ending with a separator) and the
        ignored files' names."""
        if root not in self._cache:
            files: set[str] = set()
            directories: list[str] = []
            try:
                output = subprocess.run(
                    [
                        "git",
                        "-C",
                        str(root),
                        "ls-files",
                        "-z",
                        "--others",
                        "--ignored",
                        "--exclude-standard",
                        "--directory",
                    ],
                    capture_output=True,
                    check=True,
                    timeout=60,
                ).stdout
            except (OSError, subprocess.SubprocessError):
                output = b""
            for entry in output.decode("utf-8", "surrogateescape").split("\0"):
                if not entry:
                    continue
                full = os.path.normpath(os.path.join(root, entry))
                if entry.endswith("/"):
                    directories.append(full + os.sep)
                else:
                    files.add(full)
            names = frozenset(os.path.basename(f) for f in files)
            self._cache[root] = (frozenset(files), tuple(directories), names)
        return self._cache[root]

    def is_ignored(self, root: Path, path: str) -> bool:
        files, directories, _names = self._load(root)
        if not files and not directories:
            return False
        absolute = self._absolute(path)
        return absolute in files or (absolute + os.sep).startswith(directories)

    def ignores_file(self, root: Path, path: str) -> bool:
        """:meth:`is_ignored` for a file of a walk that prunes ignored directories (so none of
        its directories is one): only git's ignored files can match, by name first."""
        files, _directories, names = self._load(root)
        if not files or path[path.rfind(os.sep) + 1 :] not in names:
            return False
        return self._absolute(path) in files

    def _absolute(self, path: str) -> str:
        """``normpath(abspath(path))``, its directory's part computed once per directory (a
        partial run asks for each file of a large project)."""
        head, _, tail = path.rpartition(os.sep)
        if not head or not tail or tail in (".", ".."):
            return os.path.normpath(os.path.abspath(path))
        base = self._absolute_directories.get(head)
        if base is None:
            base = self._absolute_directories[head] = os.path.normpath(os.path.abspath(head))
        return base + tail if base.endswith(os.sep) else base + os.sep + tail


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    if not patterns:
        return False
    posix = Path(path).as_posix()
    name = os.path.basename(path)
    return any(
        fnmatch.fnmatch(posix, pattern)
        or fnmatch.fnmatch(name, pattern)
        or posix.startswith(pattern.rstrip("/") + "/")
        for pattern in patterns
    )


def discover(
    paths: Sequence[str],
    exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
    inventory: bool = True,
    temp_files: list[str] | None = None,
) -> Iterator[SourceFile | DiscoveryError]:
    """Yield files to process in a stable order (sorted within each directory).

    ``temp_files`` collects the writer's temporary files found in the walked directories
    and beside the given files (a killed run may have left them: see ``cli/run.py``).
    """
    gitignore = GitIgnore()
    seen: set[str] = set()
    roots = _given_roots(paths)
    for given in paths:
        missing = _missing(given)
        if missing:
            yield DiscoveryError(given, missing)
            continue
        real = os.path.realpath(given)
        if os.path.islink(given) and os.path.exists(real) and not inside_any(real, roots):
            # Writes go to the target: a link, to a file or to a directory, never leads the
            # tool out of what it was given.
            yield DiscoveryError(
                given,
                f"symbolic link to {real}, outside the given paths: not followed "
                "(name the target or its directory to migrate it)",
            )
            continue
        if os.path.isdir(given):
            yield from _walk(
                given, exclude, respect_gitignore, inventory, gitignore, seen, temp_files
            )
            continue
        if not os.path.exists(real):
            yield DiscoveryError(given, "broken symbolic link")
            continue
        problem = _not_a_regular_file(real)
        if problem:
            # Reading a FIFO or a device named on the command line would block or never end.
            yield DiscoveryError(given, problem)
            continue
        if real in seen:
            continue
        seen.add(real)
        if temp_files is not None:
            temp_files.extend(_temp_files_beside(real))
        yield SourceFile(given, real, explicit=True)


def _missing(given: str) -> str:
    """Why a given path cannot be looked at (``""``: it can): absent, or in a directory the
    user may not search (``os.path.lexists`` says False for both)."""
    try:
        os.lstat(given)
    except (FileNotFoundError, NotADirectoryError):
        return "no such file or directory"
    except OSError as exc:
        return f"cannot stat: {exc.strerror or exc}"
    except ValueError:  # an embedded NUL
        return "no such file or directory"
    return ""


def _given_roots(paths: Sequence[str]) -> list[str]:
    """Real paths of the given directories and files that are not links themselves."""
    return [
        os.path.realpath(path)
        for path in paths
        if os.path.lexists(path) and not os.path.islink(path)
    ]


_FILE_TYPES = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_a_regular_file(real: str) -> str:
    """Why ``real`` cannot be migrated in place, or ``""`` for a regular file."""
    try:
        mode = os.stat(real).st_mode
    except OSError as exc:
        return f"cannot stat: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return ""
    kind = next((name for test, name in _FILE_TYPES if test(mode)), "not a regular file")
    return f"{kind}, not a regular file: not read"


def _temp_files_beside(real: str) -> list[str]:
    directory = os.path.dirname(real)
    try:
        with os.scandir(directory) as scan:
            return [e.path for e in scan if is_temp_file(e.name)]
    except OSError:
        return []


def _walk(
    top: str,
    exclude: Sequence[str],
    respect_gitignore: bool,
    inventory: bool,
    gitignore: GitIgnore,
    seen: set[str],
    temp_files: list[str] | None = None,
) -> Iterator[SourceFile | DiscoveryError]:
    for path, real, problem in walk_paths(
        top, exclude, respect_gitignore, inventory, gitignore, temp_files
    ):
        if problem:
            yield DiscoveryError(path, problem, skipped=problem.startswith(LOOP_PREFIX))
            continue
        if real in seen:
            continue
        seen.add(real)
        yield SourceFile(path, real)


def walk_paths(
    top: str,
    exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
    inventory: bool = True,
    gitignore: GitIgnore | None = None,
    temp_files: list[str] | None = None,
    listings: DirectoryListings | None = None,
) -> Iterator[tuple[str, str, str]]:
    """The walk of the directory ``top`` as :func:`discover` makes it, as ``(path, real
    path, problem)`` (``problem`` empty for a file), without a :class:`SourceFile` per file:
    a partial run walks the whole project to keep the few files that matter."""
    gitignore = gitignore or GitIgnore()
    git_root = find_git_root(Path(os.path.abspath(top))) if respect_gitignore else None

    def pruned(path: str) -> bool:
        return _excluded(path, exclude) or (
            git_root is not None and gitignore.is_ignored(git_root, path)
        )

    filtered = bool(exclude) or git_root is not None
    walked = walk_files(top, inventory, pruned, temp_files, listings)
    if not filtered:
        yield from walked
        return
    # The walk prunes ignored directories: a file it reaches is ignored by name only, unless
    # the walk starts inside an ignored directory (then every path is asked in full).
    inside_ignored = git_root is not None and gitignore.is_ignored(git_root, top)

    def dropped(path: str) -> bool:
        if _excluded(path, exclude):
            return True
        if git_root is None:
            return False
        if inside_ignored:
            return gitignore.is_ignored(git_root, path)
        return gitignore.ignores_file(git_root, path)

    for path, real, problem in walked:
        if problem or not dropped(path):
            yield path, real, problem
