"""The console-script entry point, with a fast path for runs that find nothing to do.

pre-commit starts this program on every commit, mostly on files without HeyGen usage. For
``migrate`` over such files the whole answer is "nothing to do", and it is computed here
with ``os`` alone: walk, read, pre-filter. Anything else (a file that passes the pre-filter,
an error, an option the fast path does not know, a configuration section) falls through to
the full click command line, which produces the same output. A directory in a git work tree
is walked as the full command walks it, with git's ignore rules (``engine.discovery``, loaded
only then).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from .._prefilter import may_contain_heygen, may_name_heygen_asset, may_parse_session_response
from ..engine.walk import (
    inside_any,
    is_data_file,
    is_temp_file,
    kind_of,
    may_send_imported_constant,
    project_root,
    walk_files,
)

# Options that change nothing when no file can contain HeyGen usage.
_NEUTRAL_FLAGS = frozenset(
    {
        "--check",
        "--diff",
        "--quiet",
        "-q",
        "--verbose",
        "-v",
        "--color",
        "--no-color",
        "--no-gitignore",
        "--no-inventory",
    }
)
_NEUTRAL_WITH_VALUE = frozenset({"--jobs", "-j"})
DISABLE_VARIABLE = "HEYGEN2LIVEAVATAR_NO_FAST_PATH"


def main() -> None:
    code = fast_migrate(sys.argv[1:]) if not os.environ.get(DISABLE_VARIABLE) else None
    if code is not None:
        sys.exit(code)
    from .main import main as full_main

    full_main()


def _parse(argv: list[str]) -> tuple[dict[str, object], list[str]] | None:
    """The options and paths of a ``migrate`` call the fast path can answer, else None."""
    if not argv or argv[0] != "migrate":
        return None
    options: dict[str, object] = {"format": "text", "flags": set()}
    paths: list[str] = []
    args = iter(argv[1:])
    only_paths = False
    for arg in args:
        if only_paths or not arg.startswith("-") or arg == "-":
            if arg == "-":
                return None
            paths.append(arg)
        elif arg == "--":
            only_paths = True
        elif arg in _NEUTRAL_FLAGS:
            flags = options["flags"]
            assert isinstance(flags, set)
            flags.add(arg)
        elif arg in _NEUTRAL_WITH_VALUE:
            value = next(args, None)
            if value is None or not value.isdigit() or int(value) < 1:
                return None
        elif arg.startswith("--jobs=") and arg[7:].isdigit() and int(arg[7:]) >= 1:
            continue
        elif arg == "--format" or arg.startswith("--format="):
            value = arg[9:] if "=" in arg else next(args, None)
            if value not in ("text", "json"):
                return None
            options["format"] = value
        else:
            return None
    flags = options["flags"]
    assert isinstance(flags, set)
    if "--check" in flags and "--diff" in flags:
        return None
    return options, paths or ["."]


def _has_config(paths: list[str]) -> bool:
    """A ``[tool.heygen2liveavatar]`` section above the paths (it may exclude files)."""
    existing = [os.path.abspath(p) for p in paths]
    base = os.path.commonpath(existing)
    if os.path.isfile(base):
        base = os.path.dirname(base)
    directory = base
    while True:
        candidate = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(candidate):
            try:
                with open(candidate, "rb") as handle:
                    if b"heygen2liveavatar" in handle.read():
                        return True
            except OSError:
                return True
            break
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return False


def _in_git_work_tree(paths: list[str]) -> bool:
    """A directory argument inside a git work tree (whose ignore rules the walk applies)."""
    for path in paths:
        if not os.path.isdir(path):
            continue
        directory = os.path.abspath(path)
        while True:
            if os.path.exists(os.path.join(directory, ".git")):
                return True
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
    return False


def _walked(
    given: str, inventory: bool, gitignore: bool, temp_files: list[str]
) -> Iterator[tuple[str, str, str]]:
    """``(path, real path, problem)`` of the files the full command walks in ``given``."""
    if gitignore:
        from ..engine.discovery import walk_paths

        yield from walk_paths(given, (), True, inventory, temp_files=temp_files)
        return
    yield from walk_files(given, inventory, temp_files=temp_files)


def _count_unrelated(paths: list[str], inventory: bool, gitignore: bool = False) -> int | None:
    """How many files were considered, if none can contain HeyGen usage; else None.

    ``gitignore``: walk directories with git's ignore rules. A file met twice (paths that
    overlap) counts once, as in the full command."""
    scanned = 0
    temp_files: list[str] = []
    walked = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    seen: set[str] | None = set() if len(paths) > 1 else None
    for given in paths:
        if os.path.islink(given):
            return None  # the full command decides whether a given link is followed
        # Whether a module found here may belong to a project above what the run walks (see
        # below): only when a project root lies above a directory given. Without one (a tree
        # of its own), no module's ids are looked at: a byte pass saved on every file.
        ids_matter = True
        files: Iterator[tuple[str, str, str]]
        if os.path.isdir(given):
            files = _walked(given, inventory, gitignore, temp_files)
            above = project_root(os.path.join(given, "_"))
            ids_matter = above is not None and not inside_any(os.path.realpath(above), walked)
        elif os.path.isfile(given) and not os.path.islink(given):
            files = iter([(given, os.path.realpath(given) if seen is not None else given, "")])
            directory = os.path.dirname(given) or "."
            with contextlib.suppress(OSError):
                temp_files += [n for n in os.listdir(directory) if is_temp_file(n)]
        else:
            return None
        for path, real, problem in files:
            if problem:
                return None
            if seen is not None:
                if real in seen:
                    continue
                seen.add(real)
            if is_data_file(path):
                scanned += 1  # a JSON data file: never read, never changed
                continue
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError:
                return None
            if may_contain_heygen(data):
                return None
            if (
                ids_matter
                and path.endswith(".py")
                and (
                    may_name_heygen_asset(data)
                    or may_parse_session_response(data)
                    or may_send_imported_constant(data)
                )
            ):
                # It may pass a HeyGen id to a session opener of its project, define the
                # model its token request parses into, or send another module's streaming
                # URL constant: one outside the paths given needs the
                # full command (which reads the project's facts); a project walked here has
                # none, since no file of it names HeyGen.
                root = project_root(path)
                if root is not None and not inside_any(os.path.realpath(root), walked):
                    return None
            scanned += 1
    if temp_files:
        return None  # a killed run's temporary files: the full command cleans them up
    return scanned


def fast_migrate(argv: list[str]) -> int | None:
    """Exit status of ``migrate`` when nothing can change, or None to run the full command."""
    parsed = _parse(argv)
    if parsed is None:
        return None
    options, paths = parsed
    flags = options["flags"]
    assert isinstance(flags, set)
    if not all(os.path.exists(p) for p in paths) or _has_config(paths):
        return None
    explicit_kinds_ok = all(os.path.isdir(p) or kind_of(p) is not None for p in paths)
    if not explicit_kinds_ok:
        return None  # an explicit file of an unknown kind: let the full path decide
    gitignore = "--no-gitignore" not in flags and _in_git_work_tree(paths)
    scanned = _count_unrelated(paths, inventory="--no-inventory" not in flags, gitignore=gitignore)
    if scanned is None:
        return None
    mode = "diff" if "--diff" in flags else "check" if "--check" in flags else "write"
    if options["format"] == "json":
        import json

        from .._version import __version__

        report = {
            "version": 1,
            "tool": {"name": "heygen2liveavatar", "version": __version__},
            "files": [],
            "summary": {
                "files_scanned": scanned,
                "files_changed": 0,
                "fixes": 0,
                "manual": 0,
                "errors": 0,
                "files_created": 0,
                "acknowledged": 0,
            },
        }
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:  # also with --quiet: the summary line is what a quiet text report keeps
        from ..reports.summary_line import summary_line

        stream = sys.stderr if mode == "diff" else sys.stdout
        stream.write(summary_line(mode, 0, 0, 0, 0, scanned) + "\n")
    return 0
