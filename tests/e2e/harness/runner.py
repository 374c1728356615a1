"""Running a corpus case: its two phases in subprocesses, the migration, and the verdict.

See tests/e2e/README.md for the contract this implements.
"""

from __future__ import annotations

import ast
import difflib
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .forkserver import CAN_FORK, Completed, ForkServer, run_subprocess
from .recording import Recording
from .server import StandIns

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).parent
SITE_DIR = HERE / "site"  # sitecustomize.py and e2e_support
LIVEKIT_DIR = HERE / "fake_livekit"  # the recording livekit package (migrated phase only)
RUN_DRIVER = HERE / "driver" / "run_driver.py"
PHASE_TIMEOUT = 30.0
MARKER = "TODO(heygen2liveavatar)"
KEYS = {"HEYGEN_API_KEY": "hg-test-key", "LIVEAVATAR_API_KEY": "la-test-key"}
# Never inherited by a driver: they would point programs elsewhere or change Python's start-up.
_DROPPED_ENV = re.compile(
    r"^(HEYGEN_|LIVEAVATAR_|PYTHON|VIRTUAL_ENV$|SSL_CERT|REQUESTS_CA|CURL_CA|E2E_)"
    r"|^(https?|all|no|ws|wss)_proxy$",
    re.IGNORECASE,
)


@dataclass
class Case:
    name: str
    directory: Path
    style: str
    expect: str
    env: dict[str, dict[str, str]]
    known_failure: str = ""
    project_from: str = ""
    """A project of this repository run as it is (``examples``), instead of ``project/``."""
    """Why the migrated program does not run yet (a tool gap, tracked): the test is an
    expected failure, strict, so a fix that makes it pass must remove this line."""

    @classmethod
    def load(cls, directory: Path) -> Case:
        meta = tomllib.loads((directory / "case.toml").read_text(encoding="utf-8"))
        expect = meta.get("expect", "runs")
        if expect not in ("runs", "marked-failure"):
            raise ValueError(f"{directory.name}: expect must be 'runs' or 'marked-failure'")
        env = {
            phase: {k: str(v) for k, v in values.items()}
            for phase, values in meta.get("env", {}).items()
        }
        unknown = set(env) - {"heygen", "liveavatar"}
        if unknown:
            raise ValueError(
                f"{directory.name}: [env.*] phases are heygen/liveavatar, got {unknown}"
            )
        return cls(
            directory.name,
            directory,
            str(meta.get("style", "")),
            expect,
            env,
            str(meta.get("known_failure", "")),
            str(meta.get("project", "")),
        )

    @property
    def project(self) -> Path:
        if self.project_from:
            return self.directory.parents[3] / self.project_from  # tests/e2e/corpus/<case>
        return self.directory / "project"

    @property
    def drive(self) -> Path:
        return self.directory / "drive.py"


@dataclass
class PhaseResult:
    phase: str
    returncode: int
    stdout: str
    stderr: str
    ok: bool
    exception: str | None
    frames: list[tuple[str, int]]
    trace: list[str]
    problems: list[str]
    requests: list[str]
    timed_out: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        status = (
            "timed out" if self.timed_out else ("ok" if self.ok else f"FAILED: {self.exception}")
        )
        lines = [f"--- {self.phase} phase: {status} (exit {self.returncode})"]
        lines.append("trace:")
        lines.extend(f"  {line}" for line in self.trace or ["(empty)"])
        lines.append("stand-in problems:")
        lines.extend(f"  {line}" for line in self.problems or ["(none)"])
        lines.append("HTTPS requests:")
        lines.extend(f"  {line}" for line in self.requests or ["(none)"])
        if self.stdout.strip():
            lines.append("driver stdout:\n" + _indent(self.stdout[-4000:]))
        if self.stderr.strip():
            lines.append("driver stderr:\n" + _indent(self.stderr[-8000:]))
        return "\n".join(lines)


def _indent(text: str) -> str:
    return "\n".join(f"  | {line}" for line in text.rstrip().splitlines())


def _inherited_environment() -> dict[str, str]:
    while True:
        try:
            return {k: v for k, v in os.environ.items() if not _DROPPED_ENV.search(k)}
        except (KeyError, RuntimeError):
            # The test thread set or removed a variable (an autouse fixture) while this case's
            # thread read the environment: read it again.
            continue


def _driver_server_environment(standins: StandIns) -> dict[str, str]:
    """What every driver of these stand-ins has, whatever its case and phase (the fork
    server's own environment: its sitecustomize points the API hosts at ``standins``)."""
    env = _inherited_environment()
    env.update(
        PYTHONPATH=str(SITE_DIR),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONUNBUFFERED="1",
        NO_PROXY="*",
        **KEYS,
        **standins.environment(),
    )
    return env


def driver_environment(
    standins: StandIns, case: Case, phase: str, result_file: Path
) -> dict[str, str]:
    env = _driver_server_environment(standins)
    paths = [SITE_DIR] + ([LIVEKIT_DIR] if phase == "liveavatar" else [])
    env.update(
        PYTHONPATH=os.pathsep.join(str(p) for p in paths),
        E2E_RESULT_FILE=str(result_file),
        E2E_PHASE=phase,  # for diagnostics only; drivers must not branch on it
        **case.env.get(phase, {}),
    )
    return env


# What drivers import most (a phase's start-up was mostly these imports); never a package a
# corpus project vendors a stand-in of, which the child would then not import.
DRIVER_PRELOAD = [
    "requests",
    "httpx",
    "aiohttp",
    "websockets",
    "pydantic",
    "flask",
    "fastapi",
    "fastapi.testclient",
]
# A migration's imports up to its rules (the console script loads them lazily).
MIGRATE_PRELOAD = [
    "heygen2liveavatar.cli.entry",
    "heygen2liveavatar.cli.main",
    "heygen2liveavatar.cli.run",
    "heygen2liveavatar.engine.runner",
    "heygen2liveavatar.rules",
    "concurrent.futures.process",
]


def _driver_server(standins: StandIns) -> ForkServer | None:
    if not CAN_FORK:
        return None
    return standins.fork_server("driver", DRIVER_PRELOAD, _driver_server_environment(standins))


def run_phase(standins: StandIns, case: Case, project: Path, phase: str) -> PhaseResult:
    """Drive ``project`` (a copy) with the case's drive.py against the stand-ins of ``phase``."""
    result_file = project.parent / f"result-{phase}.json"
    result_file.unlink(missing_ok=True)
    recording: Recording = standins.begin(phase)
    argv = [str(RUN_DRIVER), str(case.drive)]
    env = driver_environment(standins, case, phase, result_file)
    server = _driver_server(standins)
    if server is not None:
        completed = server.run(argv, cwd=project, env=env, timeout=PHASE_TIMEOUT)
    else:
        completed = run_subprocess(
            [sys.executable, *argv], cwd=project, env=env, timeout=PHASE_TIMEOUT
        )
    returncode, stdout, stderr = completed.returncode, completed.stdout, completed.stderr
    timed_out = completed.timed_out
    if timed_out:
        stderr += f"\n(killed after {PHASE_TIMEOUT:.0f} s)"
    # The driver has exited, so its sockets are closed; let the WebSocket handlers record the
    # messages they were still reading. Then start an idle phase, so that anything late (from a
    # killed driver) cannot land in this recording.
    if not standins.realtime.wait_idle(5.0):
        recording.problem("a WebSocket connection was still open 5 s after the driver exited")
    standins.begin("idle")
    outcome: dict[str, Any] = {}
    if result_file.exists():
        outcome = json.loads(result_file.read_text(encoding="utf-8"))
    ok = bool(outcome.get("ok")) and returncode == 0 and not timed_out
    exception = outcome.get("exception")
    if not ok and exception is None:
        exception = "the driver crashed before reporting" if not timed_out else "timeout"
    return PhaseResult(
        phase=phase,
        returncode=returncode,
        stdout=stdout,
        stderr=stderr,
        ok=ok,
        exception=exception,
        frames=[(str(f), int(n)) for f, n in outcome.get("frames", [])],
        trace=recording.trace(),
        problems=list(recording.problems),
        requests=list(recording.requests),
        timed_out=timed_out,
    )


def copy_project(case: Case, destination: Path) -> Path:
    shutil.copytree(
        case.project, destination, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    return destination


def migrate(project: Path, standins: StandIns | None = None) -> Completed:
    """``heygen2liveavatar migrate --no-color <project>`` as the console script runs it (a
    fork of ``standins``' migration server when given, else a subprocess)."""
    script = Path(sys.executable).with_name("heygen2liveavatar")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "heygen2liveavatar"]
    argv = [*command, "migrate", "--no-color", str(project)]
    env = _inherited_environment()
    if standins is None or not CAN_FORK or not script.exists():
        return run_subprocess(argv, cwd=project, env=env, timeout=MIGRATE_TIMEOUT)
    server = standins.fork_server("migrate", MIGRATE_PRELOAD, env)
    return server.run(
        argv,
        cwd=project,
        env=env,
        timeout=MIGRATE_TIMEOUT,
        target="heygen2liveavatar.cli.entry:main",
    )


MIGRATE_TIMEOUT = 120.0
NO_CHANGE = "(the migration changed nothing)\n"


def project_diff(before: Path, after: Path) -> str:
    """A unified diff of every text file that differs (or was added/removed) under the two trees."""
    names = sorted(
        {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
        | {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    )
    chunks = []
    for name in names:
        if "__pycache__" in name.parts:
            continue
        old = _lines(before / name)
        new = _lines(after / name)
        if not old and len(new) > 40:
            # A module the migration created (the bridge helper): its name is enough here.
            chunks.append(f"+++ b/{name}: created ({len(new)} lines)\n")
        elif old != new:
            chunks.extend(difflib.unified_diff(old, new, f"a/{name}", f"b/{name}"))
    return "".join(chunks) or NO_CHANGE


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    try:
        return path.read_text(encoding="utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return ["<binary>\n"]


# Marked failures -------------------------------------------------------------------------------
_CELL = re.compile(r"^(?P<path>.*):cell(?P<index>\d+)$")


def _source_of(filename: str) -> str | None:
    match = _CELL.match(filename)
    if match:
        cells = _notebook_cells(Path(match["path"]))
        index = int(match["index"])
        return cells[index] if index < len(cells) else None
    path = Path(filename)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _notebook_cells(path: Path) -> list[str]:
    """The raw code cells (as e2e_support.run_notebook numbers them)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            cells.append("".join(source) if isinstance(source, list) else str(source))
    return cells


def _is_tool_helper(filename: str) -> bool:
    """A module the tool wrote into the project (``liveavatar_bridge.py``: its first line
    says so)."""
    path = Path(filename)
    if not path.is_file():
        return False
    with path.open(encoding="utf-8") as handle:
        return handle.readline().startswith(TOOL_HELPER_MARK)


TOOL_HELPER_MARK = "# heygen2liveavatar helper: v"


def _in_project(filename: str, project: Path) -> bool:
    match = _CELL.match(filename)
    path = Path(match["path"] if match else filename)
    try:
        path.resolve().relative_to(project.resolve())
    except ValueError:
        return False
    return True


def statement_start(source: str, line: int) -> int:
    """The first line of the innermost statement that contains ``line``."""
    best: tuple[int, int] | None = None
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return line
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and node.lineno <= line <= (node.end_lineno or node.lineno):
            span = (node.end_lineno or node.lineno) - node.lineno
            if best is None or span < best[0]:
                best = (span, node.lineno)
    return best[1] if best else line


def _marked(lines: list[str], start: int, end: int) -> bool:
    """A marker on the statement's lines or in the comment lines directly above it."""
    candidates = list(range(start, end + 1))
    above = start - 1
    while above >= 1 and lines[above - 1].lstrip().startswith("#"):
        candidates.append(above)
        above -= 1
    return any(MARKER in lines[n - 1] for n in candidates if 1 <= n <= len(lines))


def producing_statement(source: str, start: int) -> tuple[int, int] | None:
    """The lines of the statement just before the one at ``start``, in the same block, when it
    assigns a name the failing statement reads (the response being checked)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        for field_name in ("body", "orelse", "finalbody"):
            body = getattr(node, field_name, None)
            if not isinstance(body, list):
                continue
            for previous, current in zip(body, body[1:]):
                if not (isinstance(current, ast.stmt) and current.lineno == start):
                    continue
                read = {n.id for n in ast.walk(current) if isinstance(n, ast.Name)}
                stored = {
                    n.id
                    for n in ast.walk(previous)
                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
                }
                if read & stored:
                    return previous.lineno, previous.end_lineno or previous.lineno
    return None


def check_marked_failure(result: PhaseResult, project: Path) -> str | None:
    """None when the failure is at a marked line of the project; otherwise why not."""
    if result.ok:
        return "the migrated driver succeeded, but the case expects a failure at a TODO marker"
    if result.timed_out:
        return "the migrated driver timed out instead of failing at a TODO marker"
    # The helper module the tool wrote raises on behalf of the line that called it (a start
    # refused because of a marked avatar id): its frames are the tool's, not the project's.
    inside = [
        (f, n) for f, n in result.frames if _in_project(f, project) and not _is_tool_helper(f)
    ]
    if not inside:
        return f"no traceback frame inside the migrated project ({result.exception})"
    # The innermost frame, or the one that called it: a marked call into the project's own
    # request wrapper fails inside the wrapper (``_post(...)`` raising on a 422).
    for filename, line in reversed(inside[-2:]):
        source = _source_of(filename)
        if source is None:
            return f"cannot read {filename} to look for the marker"
        lines = source.splitlines()
        start = statement_start(source, line)
        if _marked(lines, start, line):
            return None
        # ``r = requests.post(...)`` then ``r.raise_for_status()``: an HTTP error surfaces on
        # the statement that checks the response; the marker belongs to the request.
        producer = producing_statement(source, start)
        if producer is not None and _marked(lines, *producer):
            return None
    filename, line = inside[-1]
    source = _source_of(filename) or ""
    lines = source.splitlines()
    start = statement_start(source, line)
    shown = "\n".join(
        f"  {n:4}: {lines[n - 1]}" for n in range(max(1, start - 3), min(len(lines), line + 1) + 1)
    )
    return (
        f"the migrated program failed at {filename}:{line} ({result.exception}), "
        f"which carries no {MARKER} marker:\n{shown}"
    )
