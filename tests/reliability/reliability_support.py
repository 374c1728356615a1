"""Helpers shared by the reliability suites: the tally printed at session end, the
property checks (undefined names, unmarked endpoints), and ways to run the tool.

Every suite records what it proved here (examples tried, faults injected, files checked,
bytes lost); ``conftest.py`` prints the tally in the terminal summary, so a green run
also says how much was exercised.
"""

from __future__ import annotations

import ast
import io
import os
import subprocess
import sys
import tokenize
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from heygen2liveavatar.apispec import find_endpoints
from heygen2liveavatar.model import MARKER_PREFIX

# suite -> counter -> value. Counters only ever grow; the summary prints them sorted.
TALLY: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))


def tally(suite: str, **counts: int) -> None:
    for key, value in counts.items():
        TALLY[suite][key] += value


REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


# ---------------------------------------------------------------------------------------
# Property checks
# ---------------------------------------------------------------------------------------


def undefined_names(source: str) -> set[str]:
    """Names pyflakes reports as undefined (``UndefinedName`` and friends), without lines.

    Compared before and after a migration: the migration must not add any.
    """
    from pyflakes import checker, messages  # type: ignore[import-untyped]

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    found = checker.Checker(tree, filename="<migrated>")
    kinds = (messages.UndefinedName, messages.UndefinedLocal, messages.UndefinedExport)
    return {str(m.message_args[0]) for m in found.messages if isinstance(m, kinds)}


@dataclass(frozen=True)
class Unmarked:
    line: int
    endpoint: str
    text: str


def _statement_starts(tree: ast.AST) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            end = node.end_lineno or node.lineno
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                # Only the header belongs to a compound statement; the body has its own.
                end = node.body[0].lineno - 1 if node.body else end
            elif hasattr(node, "body") and isinstance(node.body, list) and node.body:
                end = node.body[0].lineno - 1
            spans.append((node.lineno, max(node.lineno, end)))
    return spans


def unmarked_endpoints(source: str, covered: Iterable[str]) -> list[Unmarked]:
    """Streaming endpoint paths left in string literals with no marker on or above them.

    Only endpoints in ``covered`` (keys whose migrating rule is registered) are checked;
    comments are ignored (a path in a comment is not a call). "Above" means the comment
    block directly above the innermost statement holding the literal.
    """
    wanted = set(covered)
    lines = source.splitlines()
    tree = ast.parse(source)
    spans = _statement_starts(tree)
    found: list[Unmarked] = []
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    for token in tokens:
        if token.type != tokenize.STRING and token.type != getattr(tokenize, "FSTRING_MIDDLE", -1):
            continue
        for match in find_endpoints(token.string):
            if match.endpoint.key not in wanted:
                continue
            line = token.start[0]
            if _marked(lines, spans, line):
                continue
            found.append(Unmarked(line, match.endpoint.key, lines[line - 1].strip()))
    return found


def _marked(lines: Sequence[str], spans: list[tuple[int, int]], line: int) -> bool:
    if MARKER_PREFIX in lines[line - 1]:
        return True
    inner = [s for s in spans if s[0] <= line <= s[1]]
    start = max((s[0] for s in inner), default=line)
    candidates = {start, line}
    for first in candidates:
        above = first - 2
        while above >= 0 and lines[above].lstrip().startswith("#"):
            if MARKER_PREFIX in lines[above]:
                return True
            above -= 1
    return False


def covered_endpoint_keys() -> set[str]:
    """Endpoint keys whose migrating rule (``StreamingEndpoint.rule``) is registered."""
    from heygen2liveavatar.apispec import STREAMING_ENDPOINTS
    from heygen2liveavatar.rules import RULES_BY_CODE

    return {key for key, e in STREAMING_ENDPOINTS.items() if e.rule in RULES_BY_CODE}


# ---------------------------------------------------------------------------------------
# Running the tool
# ---------------------------------------------------------------------------------------


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None) -> Outcome:
    """The CLI in-process (fast), through click, with exceptions propagating."""
    from click.testing import CliRunner

    from heygen2liveavatar.cli.main import main

    runner = CliRunner()
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def run_cli_subprocess(
    *args: str, cwd: Path | None = None, timeout: float = 300, env: dict[str, str] | None = None
) -> Outcome:
    """The CLI in a fresh interpreter, as a user runs it."""
    completed = subprocess.run(
        [PYTHON, "-m", "heygen2liveavatar", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env=env,
        check=False,
    )
    return Outcome(completed.returncode, completed.stdout, completed.stderr)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every regular file below ``root`` (symlinks not followed), by relative path."""
    files: dict[str, bytes] = {}
    for directory, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in filenames:
            path = os.path.join(directory, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            with open(path, "rb") as handle:
                files[os.path.relpath(path, root)] = handle.read()
    return files


def temp_files(root: Path) -> list[str]:
    """Leftover temporary files of the atomic writer below ``root``."""
    return sorted(
        os.path.relpath(os.path.join(d, n), root)
        for d, _dirs, names in os.walk(root)
        for n in names
        if n.endswith(".h2l-tmp")
    )
