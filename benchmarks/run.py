#!/usr/bin/env python
"""Performance goals of ``heygen2liveavatar``, measured side by side against reference commands.

Usage::

    python benchmarks/run.py [--repeat N] [--quick] [--memory] [--compare CMD]... [--json FILE]

Every comparison runs its commands in alternation (A, B, A, B, ...) after one untimed warm-up
run of each, and compares the medians of the wall-clock times. The script builds its corpora in
a fresh temporary directory (outside any git work tree), prints a table and always exits 0: it
is a report, not a test. See ``docs/performance.md`` for what each row measures.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures"

DEFAULT_REPEAT = 5
QUICK_REPEAT = 2
DENSE_FILES = 400
MEMORY_FILES = 20_000
MEMORY_HEYGEN_FILES = 200  # 1% of the files, as in the Project facts goal
MIN_FIXTURES = 5  # below this many usable fixtures, the built-in samples are used as well
PADDING_MIN_LINES = 100
PADDING_MAX_LINES = 300
FILES_PER_DIR = 50

GOAL_SCAN = 4.0
GOAL_REWRITE = 1.5
GOAL_PARALLEL = 1.85
GOAL_STARTUP = 5.0
GOAL_MEMORY_MIB = 300.0
GOAL_FACTS = 1.2
GOAL_PRECOMMIT = 1.3
# The goals before issue 16, printed beside the new ones so that a regression shows.
PREVIOUS_GOALS = {"Rewrite": ("<=", 2.5), "Parallelism": (">=", 1.7)}

# Every command runs with the facts cache here (inside the run's temporary directory), so the
# user's ``~/.cache`` is neither read nor written; the warm-up run of each command fills it,
# as the first run of a hook does.
CACHE_VARIABLE = "HEYGEN2LIVEAVATAR_CACHE_DIR"
# The reference side of the Project facts row: the same run without cross-file facts.
NO_FACTS_VARIABLE = "HEYGEN2LIVEAVATAR_BENCHMARK_NO_FACTS"

GREP_PATTERN = "heygen|streaming"
HEYGEN_RE = re.compile(GREP_PATTERN, re.IGNORECASE)

# The "just parse" baseline of the Rewrite row: one interpreter that imports libcst and parses
# every ``*.py`` file of the tree (as bytes, in sorted order) with ``libcst.parse_module``.
PARSE_BASELINE_CODE = """\
import os, sys
import libcst
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(".py"):
            with open(os.path.join(root, name), "rb") as fh:
                libcst.parse_module(fh.read())
"""

# Peak RSS of a command, measured in a fresh child: the wrapper runs the command, waits for it
# and prints ``ru_maxrss`` of its children (the largest single process among the command and
# the descendants it waited for; Linux reports KiB, macOS bytes).
MAXRSS_WRAPPER_CODE = """\
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                      stderr=subprocess.PIPE)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.buffer.write(proc.stderr)
print(proc.returncode, usage.ru_maxrss)
"""

# ---------------------------------------------------------------------------------------------
# Built-in HeyGen-style samples, used when the project has fewer than MIN_FIXTURES fixtures.
# ---------------------------------------------------------------------------------------------

BUILTIN_SAMPLES: dict[str, str] = {
    "requests_client.py": '''\
"""Synchronous client for HeyGen's Interactive Avatar (Streaming) API."""

import os

import requests

HEYGEN_API_KEY = os.environ["HEYGEN_API_KEY"]
BASE_URL = "https://api.heygen.com/v1"
HEADERS = {"X-Api-Key": HEYGEN_API_KEY, "Content-Type": "application/json"}


def create_token() -> str:
    resp = requests.post(f"{BASE_URL}/streaming.create_token", headers=HEADERS, timeout=30)
    resp.raise_for_status()
    return resp.json()["data"]["token"]


def new_session(avatar_id: str, voice_id: str) -> dict:
    payload = {
        "quality": "high",
        "avatar_name": avatar_id,
        "voice": {"voice_id": voice_id, "rate": 1.0},
        "version": "v2",
        "video_encoding": "H264",
    }
    resp = requests.post(f"{BASE_URL}/streaming.new", json=payload, headers=HEADERS, timeout=30)
    resp.raise_for_status()
    return resp.json()["data"]


def start_session(session_id: str) -> None:
    requests.post(
        f"{BASE_URL}/streaming.start",
        json={"session_id": session_id},
        headers=HEADERS,
        timeout=30,
    ).raise_for_status()


def speak(session_id: str, text: str) -> dict:
    resp = requests.post(
        f"{BASE_URL}/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        headers=HEADERS,
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()


def keep_alive(session_id: str) -> None:
    requests.post(
        f"{BASE_URL}/streaming.keep_alive", json={"session_id": session_id}, headers=HEADERS
    )


def stop_session(session_id: str) -> None:
    requests.post(f"{BASE_URL}/streaming.stop", json={"session_id": session_id}, headers=HEADERS)


if __name__ == "__main__":
    info = new_session("Wayne_20240711", "en-US-1")
    start_session(info["session_id"])
    speak(info["session_id"], "Hello from HeyGen!")
    stop_session(info["session_id"])
''',
    "aiohttp_client.py": '''\
"""Asynchronous HeyGen streaming session helper built on aiohttp."""

from __future__ import annotations

import asyncio
import os

import aiohttp

API_KEY = os.getenv("HEYGEN_API_KEY", "")
HEYGEN_BASE = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")
NEW_URL = f"{HEYGEN_BASE}/v1/streaming.new"
START_URL = f"{HEYGEN_BASE}/v1/streaming.start"
TASK_URL = f"{HEYGEN_BASE}/v1/streaming.task"
INTERRUPT_URL = f"{HEYGEN_BASE}/v1/streaming.interrupt"
KEEP_ALIVE_URL = f"{HEYGEN_BASE}/v1/streaming.keep_alive"
STOP_URL = f"{HEYGEN_BASE}/v1/streaming.stop"


class AvatarSession:
    def __init__(self, http: aiohttp.ClientSession, avatar_id: str) -> None:
        self.http = http
        self.avatar_id = avatar_id
        self.session_id: str | None = None

    async def _post(self, url: str, body: dict) -> dict:
        headers = {"x-api-key": API_KEY}
        async with self.http.post(url, json=body, headers=headers) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def open(self) -> dict:
        data = await self._post(NEW_URL, {"avatar_id": self.avatar_id, "quality": "medium"})
        self.session_id = data["data"]["session_id"]
        await self._post(START_URL, {"session_id": self.session_id})
        return data["data"]

    async def say(self, text: str, *, chat: bool = False) -> None:
        task_type = "chat" if chat else "repeat"
        await self._post(
            TASK_URL, {"session_id": self.session_id, "text": text, "task_type": task_type}
        )

    async def interrupt(self) -> None:
        await self._post(INTERRUPT_URL, {"session_id": self.session_id})

    async def ping(self) -> None:
        await self._post(KEEP_ALIVE_URL, {"session_id": self.session_id})

    async def close(self) -> None:
        if self.session_id is not None:
            await self._post(STOP_URL, {"session_id": self.session_id})
            self.session_id = None


async def main() -> None:
    async with aiohttp.ClientSession() as http:
        avatar = AvatarSession(http, "Anna_public_3_20240108")
        await avatar.open()
        try:
            await avatar.say("Hi there")
            await asyncio.sleep(1)
            await avatar.ping()
        finally:
            await avatar.close()


if __name__ == "__main__":
    asyncio.run(main())
''',
    "httpx_service.py": '''\
"""A small service layer around HeyGen's streaming endpoints using httpx."""

import logging
import os
from dataclasses import dataclass

import httpx

log = logging.getLogger(__name__)

HEYGEN_API = "https://api.heygen.com/v1/"


@dataclass
class StreamingConfig:
    avatar_name: str = "default"
    quality: str = "low"
    language: str = "en"


def make_client() -> httpx.Client:
    return httpx.Client(
        base_url=HEYGEN_API,
        headers={"X-Api-Key": os.environ.get("HEYGEN_API_KEY", "")},
        timeout=20.0,
    )


def list_sessions(client: httpx.Client) -> list:
    resp = client.get("streaming.list")
    resp.raise_for_status()
    return resp.json()["data"]["sessions"]


def open_session(client: httpx.Client, config: StreamingConfig) -> str:
    resp = client.post(
        "streaming.new",
        json={"avatar_name": config.avatar_name, "quality": config.quality, "language": config.language},
    )
    resp.raise_for_status()
    session_id = resp.json()["data"]["session_id"]
    client.post("streaming.start", json={"session_id": session_id}).raise_for_status()
    log.info("started HeyGen streaming session %s", session_id)
    return session_id


def close_all(client: httpx.Client) -> int:
    closed = 0
    for session in list_sessions(client):
        client.post("streaming.stop", json={"session_id": session["session_id"]})
        closed += 1
    return closed
''',
    "token_server.py": '''\
"""Backend endpoint that hands a HeyGen streaming token to the browser SDK."""

from __future__ import annotations

import json
import os
import urllib.request

HEYGEN_TOKEN_URL = "https://api.heygen.com/v1/streaming.create_token"


def fetch_token(api_key: str | None = None) -> str:
    key = api_key or os.environ["HEYGEN_API_KEY"]
    req = urllib.request.Request(
        HEYGEN_TOKEN_URL,
        method="POST",
        headers={"x-api-key": key, "accept": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=15) as resp:
        body = json.load(resp)
    return body["data"]["token"]


def handler(event: dict, context: object) -> dict:
    token = fetch_token()
    return {"statusCode": 200, "body": json.dumps({"token": token})}
''',
    "keepalive_worker.py": '''\
"""Background thread that keeps HeyGen streaming sessions alive."""

import os
import threading
import time

import requests

API_BASE = "https://api.heygen.com"


class KeepAliveWorker(threading.Thread):
    def __init__(self, session_id: str, interval: float = 60.0) -> None:
        super().__init__(daemon=True)
        self.session_id = session_id
        self.interval = interval
        self._stop_event = threading.Event()

    def run(self) -> None:
        headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}
        while not self._stop_event.wait(self.interval):
            requests.post(
                API_BASE + "/v1/streaming.keep_alive",
                json={"session_id": self.session_id},
                headers=headers,
                timeout=10,
            )

    def stop(self) -> None:
        self._stop_event.set()
        requests.post(
            API_BASE + "/v1/streaming.stop",
            json={"session_id": self.session_id},
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            timeout=10,
        )
        time.sleep(0)
''',
}

# No word of the pre-filter's may appear here (an earlier version said "no HeyGen usage" in
# the docstring, which made every generated module a candidate of the full pipeline).
UNRELATED_TEMPLATE = '''\
"""Generated module {index}: ordinary code with nothing to migrate."""

from __future__ import annotations

import math
from typing import Iterable

CONSTANT_{index} = {index}


def total_{index}(values: Iterable[float]) -> float:
    result = 0.0
    for value in values:
        result += math.sqrt(abs(value)) * CONSTANT_{index}
    return result


class Record{index}:
    def __init__(self, name: str, size: int = {size}) -> None:
        self.name = name
        self.size = size

    def describe(self) -> str:
        return f"{{self.name}} ({{self.size}} bytes)"
'''

SMALL_UNRELATED_FILE = '''\
"""A small file with nothing to migrate."""


def greet(name: str) -> str:
    return f"Hello, {name}!"


if __name__ == "__main__":
    print(greet("world"))
'''


# ---------------------------------------------------------------------------------------------
# Data model
# ---------------------------------------------------------------------------------------------


@dataclass
class Command:
    """One command line that a comparison times."""

    key: str
    label: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    prepare: Callable[[], None] | None = None  # untimed, before every run (and the warm-up)
    env: dict[str, str] | None = None  # added to the environment of the command
    times: list[float] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None


@dataclass
class Row:
    """One line of the report."""

    name: str
    measures: str
    ours: float | None
    reference: float | None
    unit: str  # "s" or "MiB"
    ratio: float | None
    goal: float | None
    goal_op: str  # "<=" (ratio at most goal), ">=" (at least goal), "<" (value under goal), ""
    status: str  # PASS, FAIL, ERROR, INFO
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def tool_command(override: str | None) -> list[str]:
    """How to invoke heygen2liveavatar: the console script next to the interpreter, else ``-m``."""
    if override:
        return shlex.split(override)
    bindir = Path(sys.executable).parent
    for name in ("heygen2liveavatar", "heygen2liveavatar.exe"):
        script = bindir / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script)]
    return [sys.executable, "-m", "heygen2liveavatar"]


def byte_compile_tool() -> str | None:
    """Byte-compile the installed package, as ``pip install`` does for a regular install.

    An editable install run with ``PYTHONDONTWRITEBYTECODE`` set (some CI images and
    sandboxes set it) would otherwise compile every module of the tool from source on each
    run, while LibCST, installed by pip, loads its bytecode: a handicap that users do not
    have. Returns a note for the report when it could not be done.
    """
    locate = subprocess.run(
        [
            sys.executable,
            "-c",
            "import heygen2liveavatar, os; print(os.path.dirname(heygen2liveavatar.__file__))",
        ],
        capture_output=True,
        text=True,
    )
    package = locate.stdout.strip()
    if locate.returncode != 0 or not package:
        return "Note: could not locate the heygen2liveavatar package to byte-compile it."
    log(f"byte-compiling {package} (as pip does on install)")
    compiled = subprocess.run(
        [sys.executable, "-m", "compileall", "-q", package], capture_output=True, text=True
    )
    if compiled.returncode != 0:
        return (
            f"Note: byte-compiling {package} failed: {tail(compiled.stdout + compiled.stderr, 2)}"
        )
    return None


def inside_git_work_tree(path: Path) -> bool:
    git = shutil.which("git")
    if git is None:
        return False
    proc = subprocess.run(
        [git, "rev-parse", "--is-inside-work-tree"],
        cwd=path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return proc.returncode == 0 and proc.stdout.strip() == "true"


def is_valid_python(source: bytes, filename: str) -> bool:
    try:
        compile(source, filename, "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, UnicodeDecodeError):
        return False
    return True


def numbered_path(root: Path, index: int, stem: str) -> Path:
    directory = root / f"pkg_{index // FILES_PER_DIR:03d}"
    directory.mkdir(parents=True, exist_ok=True)
    return directory / f"{stem}_{index:05d}.py"


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def count_lines(root: Path) -> int:
    return sum(path.read_bytes().count(b"\n") for path in root.rglob("*.py"))


def count_py(root: Path) -> int:
    return sum(1 for _ in root.rglob("*.py"))


def fmt_seconds(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 1.0:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def fmt_value(value: float | None, unit: str) -> str:
    if unit == "MiB":
        return "-" if value is None else f"{value:.1f} MiB"
    return fmt_seconds(value)


def fmt_goal(row: Row) -> str:
    if row.goal is None:
        return "-"
    if row.goal_op == "<=":
        return f"<= {row.goal:g}x"
    if row.goal_op == ">=":
        return f">= {row.goal:g}x faster"
    return f"< {row.goal:g} {row.unit}"


def tail(text: str, lines: int = 6) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


# ---------------------------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------------------------


def build_stdlib_copy(dest: Path) -> tuple[int, list[str]]:
    """Copy the interpreter's stdlib ``*.py`` files (no ``site-packages``) into *dest*.

    Files that do not compile under the running interpreter (the test suite ships a few on
    purpose) are skipped, so that an error exit from the tool points at a real problem.
    """
    stdlib = Path(sysconfig_stdlib())
    skipped: list[str] = []
    copied = 0
    for dirpath, dirnames, filenames in os.walk(stdlib):
        dirnames[:] = sorted(
            d for d in dirnames if d not in ("site-packages", "dist-packages", "__pycache__")
        )
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            src = Path(dirpath) / name
            rel = src.relative_to(stdlib)
            try:
                data = src.read_bytes()
            except OSError:
                skipped.append(str(rel))
                continue
            if not is_valid_python(data, str(src)):
                skipped.append(str(rel))
                continue
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            copied += 1
    return copied, skipped


def sysconfig_stdlib() -> str:
    import sysconfig

    return sysconfig.get_paths()["stdlib"]


def load_heygen_sources() -> tuple[list[tuple[str, bytes]], str]:
    """HeyGen-using sources for the dense tree: the project's fixtures, else built-in samples."""
    fixtures: list[tuple[str, bytes]] = []
    if FIXTURES_DIR.is_dir():
        for path in sorted(FIXTURES_DIR.rglob("input.py")):
            data = path.read_bytes()
            text = data.decode("utf-8", errors="replace")
            if HEYGEN_RE.search(text) and is_valid_python(data, str(path)):
                fixtures.append((str(path.relative_to(REPO_ROOT)), data))
    if len(fixtures) >= MIN_FIXTURES:
        return fixtures, f"{len(fixtures)} fixtures from tests/fixtures/**/input.py"
    builtin = [(f"<builtin>/{name}", text.encode()) for name, text in BUILTIN_SAMPLES.items()]
    what = f"{len(builtin)} built-in samples"
    if fixtures:
        what += f" + {len(fixtures)} fixtures (fewer than {MIN_FIXTURES} usable fixtures found)"
    else:
        what += f" (fewer than {MIN_FIXTURES} usable fixtures found)"
    return builtin + fixtures, what


def copy_header(index: int, origin: str) -> bytes:
    """A distinct first line per copy, so that no content-keyed cache can skip work."""
    return f"# benchmark copy {index} of {origin}\n".encode()


def write_heygen_files(
    root: Path, sources: Sequence[tuple[str, bytes]], count: int, start: int = 0
) -> None:
    for i in range(count):
        origin, data = sources[i % len(sources)]
        index = start + i
        header = copy_header(index, origin)
        numbered_path(root, index, "heygen").write_bytes(header + data)


def build_dense_tree(dest: Path, sources: Sequence[tuple[str, bytes]], count: int) -> None:
    write_heygen_files(dest, sources, count)


def load_padding_modules() -> tuple[list[bytes], str]:
    """Unrelated real code to make dense files module-sized: small standard-library modules.

    A module that calls the HeyGen API in a real project also holds other code (helpers,
    classes, error handling); the fixtures are 10-80 line snippets of just the HeyGen part.
    Modules of 100 to 300 lines that mention neither HeyGen nor streaming (so they add no
    work for the rules beyond the analysis of ordinary code) and have no ``__future__``
    import (it must stay first in the file) are appended to the snippets.
    """
    root = Path(sysconfig_stdlib())
    found: list[bytes] = []
    for path in sorted(root.glob("*.py")):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        lines = data.count(b"\n")
        if not PADDING_MIN_LINES <= lines <= PADDING_MAX_LINES or b"__future__" in data:
            continue
        text = data.decode("utf-8", errors="replace")
        if HEYGEN_RE.search(text) is None and is_valid_python(data, str(path)):
            found.append(data)
    if len(found) < MIN_FIXTURES:
        synthetic = [
            "\n".join(
                UNRELATED_TEMPLATE.format(index=f"{n}_{k}", size=k).replace(
                    "from __future__ import annotations\n", ""
                )
                for k in range(8)
            ).encode()
            for n in range(MIN_FIXTURES)
        ]
        return synthetic, "generated unrelated code (too few small standard-library modules)"
    return found, (
        f"{len(found)} standard-library modules of {PADDING_MIN_LINES}-{PADDING_MAX_LINES} lines"
    )


def build_module_sized_tree(
    dest: Path, sources: Sequence[tuple[str, bytes]], padding: Sequence[bytes], count: int
) -> None:
    """The dense tree of module-sized files: each HeyGen snippet followed by unrelated code."""
    for index in range(count):
        origin, data = sources[index % len(sources)]
        extra = padding[(index * 7) % len(padding)]
        header = copy_header(index, origin)
        numbered_path(dest, index, "heygen").write_bytes(header + data + b"\n\n" + extra)


def build_memory_tree(
    dest: Path, sources: Sequence[tuple[str, bytes]], total: int, heygen: int
) -> None:
    heygen = min(heygen, total)
    step = max(1, total // max(1, heygen))
    placed = 0
    for index in range(total):
        if placed < heygen and index % step == 0:
            origin, data = sources[placed % len(sources)]
            header = copy_header(index, origin)
            numbered_path(dest, index, "heygen").write_bytes(header + data)
            placed += 1
        else:
            text = UNRELATED_TEMPLATE.format(index=index, size=(index * 37) % 4096)
            numbered_path(dest, index, "module").write_text(text, encoding="utf-8")


PRECOMMIT_PYPROJECT = """\
[project]
name = "benchmark-app"
version = "0"
"""


def build_precommit_repo(dest: Path, staged: bytes) -> Path:
    """A project (``pyproject.toml`` at its root, so the tool reads its facts from the whole
    directory) holding the staged HeyGen file ``app/client.py``; returns that file's path."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "pyproject.toml").write_text(PRECOMMIT_PYPROJECT, encoding="utf-8")
    app = dest / "app"
    app.mkdir(exist_ok=True)
    client = app / "client.py"
    client.write_bytes(staged)
    return client


# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------


def run_once(command: Command, cwd: Path) -> float:
    if command.prepare is not None:
        command.prepare()
    start = time.perf_counter()
    proc = subprocess.run(
        command.argv,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=None if command.env is None else {**os.environ, **command.env},
    )
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.decode("utf-8", errors="replace")
    command.exit_codes.append(proc.returncode)
    if command.error is None:
        if "Traceback (most recent call last)" in stderr:
            command.error = f"crashed (exit {proc.returncode}):\n{tail(stderr)}"
        elif proc.returncode not in command.ok_codes:
            what = "reported errors" if proc.returncode == 2 else "failed"
            detail = tail(stderr) or "(no output on stderr)"
            command.error = f"{what} (exit {proc.returncode}):\n{detail}"
    return elapsed


def run_group(commands: Sequence[Command], repeat: int, cwd: Path) -> None:
    """One untimed warm-up of each command, then *repeat* rounds of A, B, [C, ...]."""
    for command in commands:
        log(f"warm-up: {command.label}")
        try:
            run_once(command, cwd)
        except OSError as exc:
            command.error = f"could not run {command.argv[0]!r}: {exc}"
        command.exit_codes.clear()
    for round_no in range(1, repeat + 1):
        for command in commands:
            if command.error is not None and command.error.startswith("could not run"):
                continue
            command.times.append(run_once(command, cwd))
        summary = ", ".join(
            f"{c.key}={fmt_seconds(c.times[-1] if c.times else None)}" for c in commands
        )
        log(f"round {round_no}/{repeat}: {summary}")


def measure_peak_rss(argv: Sequence[str], cwd: Path) -> tuple[float | None, int, float, str]:
    """Peak RSS (MiB) of *argv*, measured by a fresh wrapper interpreter; also exit code and time."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", MAXRSS_WRAPPER_CODE, *argv],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        errors="replace",
    )
    elapsed = time.perf_counter() - start
    try:
        code_text, rss_text = proc.stdout.split()[-2:]
        code, rss = int(code_text), int(rss_text)
    except ValueError:
        return None, proc.returncode, elapsed, proc.stderr
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return rss / divisor, code, elapsed, proc.stderr


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------


def ratio_row(
    name: str,
    measures: str,
    ours: Command,
    reference: Command,
    goal: float | None,
    goal_op: str,
    speedup: bool = False,
) -> Row:
    """A row comparing two medians: ``ours / reference``, or ``reference / ours`` if *speedup*.

    With ``speedup``, *ours* is the faster configuration (e.g. ``--jobs 2``) and *reference*
    the baseline it should beat (``--jobs 1``), so the ratio reads "N times faster".
    """
    a, b = ours.median, reference.median
    ratio: float | None = None
    if a is not None and b is not None and a > 0 and b > 0:
        ratio = b / a if speedup else a / b
    notes: list[str] = []
    errors = [c for c in (ours, reference) if c.error is not None]
    for command in errors:
        notes.append(f"{command.label}: {command.error}")
    if errors:
        status = "ERROR"
    elif ratio is None or goal is None:
        status = "INFO"
    elif goal_op == ">=":
        status = "PASS" if ratio >= goal else "FAIL"
    else:
        status = "PASS" if ratio <= goal else "FAIL"
    return Row(
        name=name,
        measures=measures,
        ours=a,
        reference=b,
        unit="s",
        ratio=ratio,
        goal=goal,
        goal_op=goal_op,
        status=status,
        notes=notes,
    )


def note_previous_goal(row: Row) -> None:
    """Say how a row fares against the goal it had before issue 16."""
    previous = PREVIOUS_GOALS.get(row.name)
    if previous is None or row.ratio is None or row.status == "ERROR":
        return
    op, goal = previous
    met = row.ratio >= goal if op == ">=" else row.ratio <= goal
    row.notes.append(f"previous goal {op} {goal}x: {'PASS' if met else 'FAIL'}")


def age_tree(root: Path, seconds: float = 60.0) -> None:
    """Set every file's and directory's modification time ``seconds`` in the past.

    A freshly generated tree is "racily clean" for the stat cache of a partial run (files
    modified within 2 s of the cache write are read again, see ``engine/stat_cache.py``),
    which a real repository's files are not: without this the timed runs would depend on how
    fast the tree was built."""
    when = time.time() - seconds
    for directory, _subdirectories, files in os.walk(root):
        for name in files:
            os.utime(os.path.join(directory, name), (when, when))
        os.utime(directory, (when, when))


def precommit_row(
    name: str,
    others: str,
    large: Command,
    alone: Command,
    repeat: int,
    workdir: Path,
    trees: Sequence[Path] = (),
) -> Row:
    for tree in trees:
        age_tree(tree)
    run_group([large, alone], repeat, workdir)
    return ratio_row(
        name,
        f"`migrate --check app/client.py` (one module-sized HeyGen file) in a project with "
        f"{others} vs the same file alone in a project of its own; facts cache warm",
        large,
        alone,
        GOAL_PRECOMMIT,
        "<=",
    )


def print_table(rows: Sequence[Row]) -> None:
    headers = ["Benchmark", "Ours (median)", "Reference (median)", "Ratio", "Goal", "Result"]
    body = [
        [
            row.name,
            fmt_value(row.ours, row.unit),
            fmt_value(row.reference, row.unit),
            "-" if row.ratio is None else f"{row.ratio:.2f}x",
            fmt_goal(row),
            row.status,
        ]
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [headers, *body]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.ljust(w) for cell, w in zip(cells, widths)) + " |"

    print(line(headers))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for cells in body:
        print(line(cells))


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark heygen2liveavatar against reference commands (always exits 0)."
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        help=f"timed repetitions of each command (default {DEFAULT_REPEAT}, {QUICK_REPEAT} with --quick)",
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"smoke run: {QUICK_REPEAT} repetitions"
    )
    parser.add_argument(
        "--memory",
        "--large",
        action="store_true",
        help=f"also build the {MEMORY_FILES:,}-file tree: the Project facts, Pre-commit "
        f"({MEMORY_FILES:,} files) and Memory rows (slow)",
    )
    parser.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="CMD",
        help="another tool to time on the dense tree: a command template with a {tree} "
        "placeholder (appended if missing); runs on a fresh copy each time. Repeatable.",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers here")
    parser.add_argument(
        "--dense-files",
        type=int,
        default=DENSE_FILES,
        help=f"files in the dense HeyGen tree (default {DENSE_FILES})",
    )
    parser.add_argument(
        "--memory-files",
        type=int,
        default=MEMORY_FILES,
        help=f"files in the --memory tree (default {MEMORY_FILES})",
    )
    parser.add_argument(
        "--tool",
        metavar="CMD",
        help="command prefix used instead of heygen2liveavatar (default: the console script "
        "next to the interpreter, else `python -m heygen2liveavatar`)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary corpora and print their path"
    )
    args = parser.parse_args(argv)
    if args.repeat is None:
        args.repeat = QUICK_REPEAT if args.quick else DEFAULT_REPEAT
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.dense_files < 1 or args.memory_files < 1:
        parser.error("file counts must be at least 1")
    return args


def tree_commands(tool: list[str], tree: Path, label: str) -> tuple[Command, Command, Command]:
    """``migrate --diff --jobs 1``, the parse baseline and ``--jobs 2`` over one tree."""
    jobs1 = Command(
        "jobs1",
        f"migrate --diff --jobs 1 <{label}>",
        [*tool, "migrate", "--diff", "--jobs", "1", str(tree)],
        ok_codes=(0, 1),
    )
    parse = Command(
        "parse",
        f"python -c '<libcst.parse_module each file>' <{label}>",
        [sys.executable, "-c", PARSE_BASELINE_CODE, str(tree)],
    )
    jobs2 = Command(
        "jobs2",
        f"migrate --diff --jobs 2 <{label}>",
        [*tool, "migrate", "--diff", "--jobs", "2", str(tree)],
        ok_codes=(0, 1),
    )
    return jobs1, parse, jobs2


def compare_argv(template: str, tree: Path) -> list[str]:
    if "{tree}" in template:
        return shlex.split(template.replace("{tree}", shlex.quote(str(tree))))
    return [*shlex.split(template), str(tree)]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    tool = tool_command(args.tool)
    grep = shutil.which("grep") or "grep"
    workdir = Path(tempfile.mkdtemp(prefix="h2l-bench-"))
    os.environ[CACHE_VARIABLE] = str(workdir / "facts-cache")
    notes: list[str] = []
    rows: list[Row] = []
    commands: dict[str, Command] = {}
    corpora: dict[str, object] = {}
    try:
        if inside_git_work_tree(workdir):
            notes.append(
                f"WARNING: the temporary directory {workdir} is inside a git work tree; "
                "set TMPDIR to a directory outside any repository."
            )
        log(f"working in {workdir}; tool = {shlex.join(tool)}")
        if args.tool is None:
            compiled = byte_compile_tool()
            if compiled:
                notes.append(compiled)

        # -- corpora -------------------------------------------------------------------------
        small_dir = workdir / "small"
        small_dir.mkdir()
        small_file = small_dir / "hello.py"
        small_file.write_text(SMALL_UNRELATED_FILE, encoding="utf-8")

        stdlib_tree = workdir / "stdlib"
        log(f"copying the standard library from {sysconfig_stdlib()} ...")
        stdlib_count, stdlib_skipped = build_stdlib_copy(stdlib_tree)
        corpora["stdlib"] = {
            "source": sysconfig_stdlib(),
            "files": stdlib_count,
            "skipped_invalid": stdlib_skipped,
        }
        log(f"stdlib copy: {stdlib_count} files ({len(stdlib_skipped)} invalid files skipped)")

        sources, sources_desc = load_heygen_sources()
        padding, padding_desc = load_padding_modules()
        dense_tree = workdir / "dense"
        build_module_sized_tree(dense_tree, sources, padding, args.dense_files)
        dense_digest = tree_digest(dense_tree)
        corpora["dense"] = {
            "files": count_py(dense_tree),
            "sources": sources_desc,
            "padding": padding_desc,
            "lines": count_lines(dense_tree),
        }
        log(f"dense tree: {args.dense_files} files from {sources_desc}, each with {padding_desc}")
        snippet_tree = workdir / "snippets"
        build_dense_tree(snippet_tree, sources, args.dense_files)
        corpora["snippets"] = {
            "files": count_py(snippet_tree),
            "sources": sources_desc,
            "lines": count_lines(snippet_tree),
        }

        # -- start-up ------------------------------------------------------------------------
        startup_ours = Command(
            "ours", "migrate --check <small file>", [*tool, "migrate", "--check", str(small_file)]
        )
        startup_ref = Command("python", "python -c pass", [sys.executable, "-c", "pass"])
        run_group([startup_ours, startup_ref], args.repeat, workdir)
        commands["startup.ours"], commands["startup.python"] = startup_ours, startup_ref
        rows.append(
            ratio_row(
                "Start-up",
                "`migrate --check` on one small unrelated file vs `python -c pass`",
                startup_ours,
                startup_ref,
                GOAL_STARTUP,
                "<=",
            )
        )

        # -- scan ----------------------------------------------------------------------------
        scan_ours = Command(
            "ours",
            "migrate --check <stdlib>",
            [*tool, "migrate", "--check", str(stdlib_tree)],
            ok_codes=(0, 1),
        )
        scan_grep = Command(
            "grep",
            f"grep -rlEi '{GREP_PATTERN}' --include=*.py <stdlib>",
            [grep, "-rlEi", GREP_PATTERN, "--include=*.py", str(stdlib_tree)],
            ok_codes=(0, 1),
        )
        run_group([scan_ours, scan_grep], args.repeat, workdir)
        commands["scan.ours"], commands["scan.grep"] = scan_ours, scan_grep
        scan_row = ratio_row(
            "Scan",
            f"`migrate --check` over a {stdlib_count}-file stdlib copy vs `grep -rlEi`",
            scan_ours,
            scan_grep,
            GOAL_SCAN,
            "<=",
        )
        if scan_ours.error is None and 1 in scan_ours.exit_codes:
            scan_row.notes.append(
                "migrate --check exited 1 on the standard library (would change files that "
                "do not use HeyGen): possible false positives."
            )
        rows.append(scan_row)

        # -- rewrite / parallelism / comparisons (one alternating group) ----------------------
        jobs1, parse, jobs2 = tree_commands(tool, dense_tree, "dense")
        dense_group = [jobs1, parse, jobs2]
        for i, template in enumerate(args.compare, start=1):
            cmp_tree = workdir / f"compare_{i}"

            def refresh(target: Path = cmp_tree) -> None:
                # Fresh copy before every run: the other tool may rewrite files in place.
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(dense_tree, target)

            dense_group.append(
                Command(
                    f"compare{i}",
                    template,
                    compare_argv(template, cmp_tree),
                    ok_codes=(0, 1),
                    prepare=refresh,
                )
            )
        run_group(dense_group, args.repeat, workdir)
        for command in dense_group:
            commands[f"dense.{command.key}"] = command
        rows.append(
            ratio_row(
                "Rewrite",
                f"`migrate --diff --jobs 1` over {args.dense_files} module-sized HeyGen files vs parsing "
                "them with `libcst.parse_module` in one fresh interpreter (`python -c`)",
                jobs1,
                parse,
                GOAL_REWRITE,
                "<=",
            )
        )
        rows.append(
            ratio_row(
                "Parallelism",
                "`migrate --diff --jobs 2` vs `--jobs 1` on the dense tree (speed-up)",
                jobs2,
                jobs1,
                GOAL_PARALLEL,
                ">=",
                speedup=True,
            )
        )
        for command in dense_group[3:]:
            row = ratio_row(
                f"Compare {command.key[len('compare') :]}",
                f"`migrate --diff --jobs 1` vs `{command.label}` on the dense tree",
                jobs1,
                command,
                None,
                "",
            )
            row.notes.insert(0, f"`{command.label}` (ratio = ours / this command)")
            rows.append(row)
        if tree_digest(dense_tree) != dense_digest:
            notes.append("WARNING: the dense tree changed during the run (--diff must not write).")

        # -- the same on the bare snippets (information: per-file overheads dominate) ---------
        snip1, snip_parse, snip2 = tree_commands(tool, snippet_tree, "snippets")
        run_group([snip1, snip_parse, snip2], args.repeat, workdir)
        for command in (snip1, snip_parse, snip2):
            commands[f"snippets.{command.key}"] = command
        rows.append(
            ratio_row(
                "Rewrite, snippets",
                f"as Rewrite, over the {args.dense_files} bare fixture snippets",
                snip1,
                snip_parse,
                None,
                "",
            )
        )
        rows.append(
            ratio_row(
                "Parallelism, snippets",
                "as Parallelism, over the bare fixture snippets (speed-up)",
                snip2,
                snip1,
                None,
                "",
                speedup=True,
            )
        )

        # -- pre-commit: one staged file in a large project vs alone ------------------------
        staged = sorted(dense_tree.rglob("*.py"))[0].read_bytes()
        alone_file = build_precommit_repo(workdir / "precommit_alone", staged)
        stdlib_repo = workdir / "precommit_stdlib"
        shutil.copytree(stdlib_tree, stdlib_repo / "lib")
        stdlib_file = build_precommit_repo(stdlib_repo, staged)
        alone = Command(
            "alone",
            "migrate --check app/client.py <project of its own>",
            [*tool, "migrate", "--check", str(alone_file)],
            ok_codes=(0, 1),
        )
        in_stdlib = Command(
            "large",
            f"migrate --check app/client.py <project with {stdlib_count:,} other files>",
            [*tool, "migrate", "--check", str(stdlib_file)],
            ok_codes=(0, 1),
        )
        rows.append(
            precommit_row(
                f"Pre-commit, {stdlib_count:,} files",
                f"{stdlib_count:,} other files (the stdlib copy)",
                in_stdlib,
                alone,
                args.repeat,
                workdir,
                trees=(stdlib_repo, alone_file.parent.parent),
            )
        )
        commands["precommit_stdlib.large"], commands["precommit_stdlib.alone"] = in_stdlib, alone

        # -- the large tree: project facts, pre-commit and memory ----------------------------
        if args.memory:
            memory_tree = workdir / "memory"
            heygen_files = min(MEMORY_HEYGEN_FILES, args.memory_files)
            log(f"building the {args.memory_files:,}-file memory tree ...")
            build_memory_tree(memory_tree, sources, args.memory_files, heygen_files)
            corpora["memory"] = {"files": count_py(memory_tree), "heygen_files": heygen_files}

            facts_on = Command(
                "facts",
                "migrate --check <large tree>",
                [*tool, "migrate", "--check", str(memory_tree)],
                ok_codes=(0, 1),
            )
            facts_off = Command(
                "nofacts",
                "migrate --check <large tree>, no cross-file facts",
                [*tool, "migrate", "--check", str(memory_tree)],
                ok_codes=(0, 1),
                env={NO_FACTS_VARIABLE: "1"},
            )
            run_group([facts_on, facts_off], args.repeat, workdir)
            commands["facts.on"], commands["facts.off"] = facts_on, facts_off
            rows.append(
                ratio_row(
                    "Project facts",
                    f"whole-project `migrate --check` over {args.memory_files:,} files "
                    f"({heygen_files} with HeyGen calls) vs the same run without cross-file facts",
                    facts_on,
                    facts_off,
                    GOAL_FACTS,
                    "<=",
                )
            )

            large_file = build_precommit_repo(memory_tree, staged)
            in_large = Command(
                "large",
                f"migrate --check app/client.py <project with {args.memory_files:,} other files>",
                [*tool, "migrate", "--check", str(large_file)],
                ok_codes=(0, 1),
            )
            alone_again = Command("alone", alone.label, alone.argv, ok_codes=(0, 1))
            rows.append(
                precommit_row(
                    f"Pre-commit, {args.memory_files:,} files",
                    f"{args.memory_files:,} other files ({heygen_files} with HeyGen calls)",
                    in_large,
                    alone_again,
                    args.repeat,
                    workdir,
                    trees=(memory_tree, alone_file.parent.parent),
                )
            )
            commands["precommit_large.large"] = in_large
            commands["precommit_large.alone"] = alone_again
            mem_argv = [*tool, "migrate", "--check", str(memory_tree)]
            log("measuring peak RSS of migrate --check over the memory tree ...")
            rss, code, elapsed, stderr = measure_peak_rss(mem_argv, workdir)
            mem_notes = [f"wall time {fmt_seconds(elapsed)}, exit {code}"]
            if rss is None:
                status = "ERROR"
                mem_notes.append(f"could not measure:\n{tail(stderr)}")
            elif "Traceback (most recent call last)" in stderr or code not in (0, 1):
                status = "ERROR"
                mem_notes.append(f"migrate --check exit {code}:\n{tail(stderr)}")
            else:
                status = "PASS" if rss < GOAL_MEMORY_MIB else "FAIL"
            commands["memory.ours"] = Command(
                "ours",
                "migrate --check <memory tree>",
                mem_argv,
                times=[elapsed],
                exit_codes=[code],
            )
            rows.append(
                Row(
                    name="Memory",
                    measures=f"peak RSS of `migrate --check` over {args.memory_files:,} files "
                    f"({heygen_files} with HeyGen calls); largest single process",
                    ours=rss,
                    reference=None,
                    unit="MiB",
                    ratio=None,
                    goal=GOAL_MEMORY_MIB,
                    goal_op="<",
                    status=status,
                    notes=mem_notes,
                )
            )
    finally:
        if args.keep:
            log(f"corpora kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    # -- report ------------------------------------------------------------------------------
    for row in rows:
        note_previous_goal(row)
    print()
    print(
        f"heygen2liveavatar benchmarks: Python {platform.python_version()} on "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"{args.repeat} alternating repetitions after one warm-up; ratios are of medians."
    )
    print(f"Tool: {shlex.join(tool)}")
    print()
    print_table(rows)
    print()
    print("Notes:")
    print(
        "- Rewrite baseline: a fresh `python -c` interpreter that imports libcst and calls "
        "`libcst.parse_module` on every file (interpreter start-up included on both sides)."
    )
    dense_info = corpora["dense"]
    snippet_info = corpora["snippets"]
    assert isinstance(dense_info, dict) and isinstance(snippet_info, dict)
    print(
        f"- Dense tree: {args.dense_files} module-sized files ({dense_info['lines']:,} lines): "
        f"{sources_desc}, each followed by one of {padding_desc}. "
        f"Snippets: the same {args.dense_files} fixture copies alone "
        f"({snippet_info['lines']:,} lines)."
    )
    print(f"- Stdlib copy: {stdlib_count} files, {len(stdlib_skipped)} invalid files skipped.")
    if not args.memory:
        print(
            "- Project facts, Pre-commit (large tree) and Memory: not measured (pass --memory "
            "to build the large tree)."
        )
    print(
        "- The facts cache lives in the run's temporary directory; every command's warm-up run "
        "fills it (a first run reads every file's facts, see docs/performance.md)."
    )
    if (os.cpu_count() or 1) < 2:
        print("- Parallelism: fewer than 2 CPUs available; the speed-up goal cannot be met.")
    for row in rows:
        for note in row.notes:
            first, *rest = note.splitlines()
            print(f"- {row.name}: {first}")
            for extra in rest:
                print(f"    {extra}")
    for note in notes:
        print(f"- {note}")

    if args.json is not None:
        payload = {
            "meta": {
                "python": platform.python_version(),
                "executable": sys.executable,
                "platform": platform.platform(),
                "cpu_count": os.cpu_count(),
                "repeat": args.repeat,
                "tool": tool,
                "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            },
            "corpora": corpora,
            "commands": {
                key: {
                    "label": c.label,
                    "argv": c.argv,
                    "times": c.times,
                    "median": c.median,
                    "exit_codes": c.exit_codes,
                    "error": c.error,
                }
                for key, c in commands.items()
            },
            "results": [asdict(row) for row in rows],
            "notes": notes,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"\nWrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
