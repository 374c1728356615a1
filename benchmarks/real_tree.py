#!/usr/bin/env python
"""The tool over a large real tree, every file forced through the whole pipeline.

Usage::

    python benchmarks/real_tree.py [--jobs N] [--limit N] [PATH]...

Default PATHs: the site-packages and the standard library of the running interpreter (the
project's test environment: over 5,000 files). Each Python file is migrated in memory with a
comment mentioning HeyGen put in front of it, so that the pre-filter lets it through and the
decode, parse, every rule, the edit pass and the verification all run on real code. Nothing
is written. Prints how many files changed (each listed, with its findings), how many were
refused and why, and the time; exits 1 if a file without HeyGen streaming code changed or an
exception other than ``MigrationError`` escaped. The result is recorded in
``docs/reliability.md`` (the suite's quick variant is
``tests/reliability/test_scale.py::test_a_large_real_tree_is_left_alone``).
"""

from __future__ import annotations

import argparse
import sys
import sysconfig
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

FORCE = "# heygen streaming.\n"


def _files(paths: list[str], limit: int) -> list[str]:
    from heygen2liveavatar.engine.discovery import SourceFile, discover

    found = [
        item.real
        for item in discover(paths, respect_gitignore=False)
        if isinstance(item, SourceFile) and item.real.endswith(".py")
    ]
    return found[:limit] if limit else found


def _one(path: str) -> tuple[str, str, str]:
    """(path, outcome, detail): outcome ``unchanged``, ``changed``, ``refused``, ``crash``."""
    from heygen2liveavatar import MigrationError
    from heygen2liveavatar.apispec import STREAMING_PATH_PATTERN
    from heygen2liveavatar.engine.source import decode_source
    from heygen2liveavatar.engine.transform import migrate_text

    try:
        data = Path(path).read_bytes()
        text = decode_source(data, path).text
    except (OSError, MigrationError) as exc:
        return path, "unreadable", str(exc)
    heygen = STREAMING_PATH_PATTERN.search(data.lower()) is not None
    try:
        result = migrate_text(FORCE + text, path)
    except MigrationError as exc:
        return path, "refused", exc.message.split(";")[0][:90]
    except Exception as exc:  # the point of the run: any other exception is a bug
        return path, "crash", f"{type(exc).__name__}: {exc}"
    if not result.changed:
        return path, "unchanged", ""
    rules = ",".join(sorted({f.rule for f in result.findings})) or "NO FINDING"
    return path, "changed-heygen" if heygen else "changed", rules


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    paths = args.paths or [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["stdlib"]]
    files = _files(paths, args.limit)
    started = time.monotonic()
    outcomes: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    listed: list[str] = []
    with ProcessPoolExecutor(args.jobs) as pool:
        for path, outcome, detail in pool.map(_one, files, chunksize=8):
            outcomes[outcome] += 1
            if outcome == "refused":
                reasons[detail] += 1
            elif outcome != "unchanged":
                listed.append(f"  {outcome:<15} {path}  {detail}")
    seconds = time.monotonic() - started
    print(
        f"{len(files)} Python files under {', '.join(paths)}; {seconds:.0f} s, --jobs {args.jobs}"
    )
    for outcome, count in sorted(outcomes.items()):
        print(f"{outcome:<15} {count}")
    for reason, count in reasons.most_common():
        print(f"  refused {count:>4}: {reason}")
    print("\n".join(listed))
    bad = outcomes["changed"] + outcomes["crash"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
